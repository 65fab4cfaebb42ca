package clinic.relief.insurance;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** The 835 names claim ids this clinic never sent; nothing of the file is posted. */
@ResponseStatus(HttpStatus.UNPROCESSABLE_CONTENT)
public class UnknownClaimsInRemittance extends RuntimeException {

    private final List<String> claimIds;

    public UnknownClaimsInRemittance(List<String> claimIds) {
        super("The remittance names unknown claims: " + claimIds);
        this.claimIds = List.copyOf(claimIds);
    }

    public List<String> claimIds() {
        return claimIds;
    }
}
