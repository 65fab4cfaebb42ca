package clinic.relief.insurance;

import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** No X12 file with this id is in the log. */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class UnknownX12File extends RuntimeException {

    public UnknownX12File(UUID id) {
        super("No X12 file " + id);
    }
}
