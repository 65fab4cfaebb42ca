package clinic.relief.insurance;

import java.util.List;

/**
 * Something the desk should know before booking an insured visit. {@code code} is a message key suffix
 * ({@code insurance.warning.<code>}) and {@code args} its arguments; no diagnosis is ever in a warning.
 */
public record InsuranceWarning(String code, List<Object> args) {

    public InsuranceWarning {
        args = List.copyOf(args);
    }

    static InsuranceWarning of(String code, Object... args) {
        return new InsuranceWarning(code, List.of(args));
    }

    public String messageKey() {
        return "insurance.warning." + code;
    }

    public Object[] arguments() {
        return args.toArray();
    }
}
