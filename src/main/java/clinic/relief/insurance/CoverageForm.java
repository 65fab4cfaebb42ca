package clinic.relief.insurance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import clinic.relief.shared.Money;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;

/** The coverage form the desk fills in from the insurance card and the payer's answers. */
public record CoverageForm(
        @NotBlank(message = "{insurance.form.required}") @Size(max = 120)
        String payerName,

        @NotBlank(message = "{insurance.form.required}")
        @Pattern(regexp = "[A-Za-z0-9]{2,80}", message = "{insurance.form.payerId}")
        String payerId,

        @NotBlank(message = "{insurance.form.required}") @Pattern(regexp = "PPO|EPO|HMO|POS|OTHER")
        String planType,

        @NotBlank(message = "{insurance.form.required}")
        @Pattern(regexp = "[A-Za-z0-9-]{2,80}", message = "{insurance.form.memberId}")
        String memberId,

        @Size(max = 50) String groupNumber,
        @NotNull(message = "{insurance.form.required}") Relationship relationship,

        @NotBlank(message = "{insurance.form.required}") @Size(max = 80)
        String subscriberFirstName,

        @NotBlank(message = "{insurance.form.required}") @Size(max = 80)
        String subscriberLastName,

        @NotNull(message = "{insurance.form.required}")
        @Past(message = "{insurance.form.past}")
        @DateTimeFormat(iso = ISO.DATE)
        LocalDate subscriberBirthDate,

        @NotBlank(message = "{insurance.form.required}") @Pattern(regexp = "[FMU]")
        String subscriberSex,

        @NotBlank(message = "{insurance.form.required}") @Size(max = 120)
        String subscriberStreet,

        @NotBlank(message = "{insurance.form.required}") @Size(max = 80)
        String subscriberCity,

        @NotBlank(message = "{insurance.form.required}")
        @Pattern(regexp = "[A-Z]{2}", message = "{insurance.form.state}")
        String subscriberState,

        @NotBlank(message = "{insurance.form.required}")
        @Pattern(regexp = "[0-9]{5}([0-9]{4})?", message = "{insurance.form.zip}")
        String subscriberZip,

        @NotNull(message = "{insurance.form.required}")
        @PositiveOrZero(message = "{insurance.form.notNegative}")
        @Digits(integer = 6, fraction = 2, message = "{insurance.form.cents}")
        BigDecimal copay,

        @NotNull(message = "{insurance.form.required}")
        @PositiveOrZero(message = "{insurance.form.notNegative}")
        @DecimalMax(value = "100", message = "{insurance.form.percent}")
        BigDecimal coinsurancePercent,

        @NotNull(message = "{insurance.form.required}")
        @PositiveOrZero(message = "{insurance.form.notNegative}")
        @Digits(integer = 6, fraction = 2, message = "{insurance.form.cents}")
        BigDecimal deductible,

        @NotNull(message = "{insurance.form.required}")
        @PositiveOrZero(message = "{insurance.form.notNegative}")
        @Digits(integer = 6, fraction = 2, message = "{insurance.form.cents}")
        BigDecimal deductibleMet,

        @NotNull(message = "{insurance.form.required}") @DateTimeFormat(iso = ISO.DATE)
        LocalDate planYearStart,

        @Min(value = 0, message = "{insurance.form.notNegative}")
        Integer visitsAllowed,

        @Min(value = 0, message = "{insurance.form.notNegative}")
        Integer visitsUsed,

        @Size(max = 50) String authNumber,

        @Min(value = 0, message = "{insurance.form.notNegative}")
        Integer authVisits,

        @DateTimeFormat(iso = ISO.DATE) LocalDate authFrom,
        @DateTimeFormat(iso = ISO.DATE) LocalDate authTo,
        Boolean creditOnInsuredVisit,

        @NotNull(message = "{insurance.form.required}") @DateTimeFormat(iso = ISO.DATE)
        LocalDate effectiveFrom,

        @DateTimeFormat(iso = ISO.DATE) LocalDate effectiveTo) {

    public CoverageForm {
        creditOnInsuredVisit = Boolean.TRUE.equals(creditOnInsuredVisit);
        payerName = trim(payerName);
        memberId = trim(memberId);
        groupNumber = trim(groupNumber);
        authNumber = trim(authNumber);
    }

    /** An empty form with today's plan year and effective date, for the page. */
    public static CoverageForm blank(LocalDate today) {
        return new CoverageForm(
                null,
                null,
                "PPO",
                null,
                null,
                Relationship.SELF,
                null,
                null,
                null,
                "U",
                null,
                null,
                "CA",
                null,
                BigDecimal.ZERO,
                BigDecimal.ZERO,
                BigDecimal.ZERO,
                BigDecimal.ZERO,
                today.withDayOfYear(1),
                null,
                0,
                null,
                null,
                null,
                null,
                false,
                today,
                null);
    }

    @AssertTrue(message = "{insurance.form.deductibleMet}")
    public boolean isDeductibleMetWithinDeductible() {
        return deductible == null || deductibleMet == null || deductibleMet.compareTo(deductible) <= 0;
    }

    @AssertTrue(message = "{insurance.form.authDates}")
    public boolean isAuthorizationDatesInOrder() {
        return authFrom == null || authTo == null || !authTo.isBefore(authFrom);
    }

    @AssertTrue(message = "{insurance.form.effectiveDates}")
    public boolean isEffectiveDatesInOrder() {
        return effectiveFrom == null || effectiveTo == null || !effectiveTo.isBefore(effectiveFrom);
    }

    Coverage toCoverage(UUID id, UUID patientId) {
        Subscriber subscriber = new Subscriber(
                relationship,
                subscriberFirstName.strip(),
                subscriberLastName.strip(),
                subscriberBirthDate,
                subscriberSex,
                subscriberStreet.strip(),
                subscriberCity.strip(),
                subscriberState,
                subscriberZip);
        Authorization authorization =
                authNumber == null ? null : new Authorization(authNumber, authVisits, 0, authFrom, authTo);
        return new Coverage(
                id,
                patientId,
                payerName,
                payerId,
                planType,
                memberId,
                groupNumber,
                subscriber,
                Money.of(copay),
                coinsurancePercent,
                Money.of(deductible),
                Money.of(deductibleMet),
                planYearStart,
                VisitLimit.ofNullable(visitsAllowed),
                visitsUsed == null ? 0 : visitsUsed,
                authorization,
                creditOnInsuredVisit,
                effectiveFrom,
                effectiveTo);
    }

    private static String trim(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
