package clinic.relief.staff;

import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** No active staff account of the kind asked for has this id. */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class UnknownStaffMember extends RuntimeException {

    public UnknownStaffMember(UUID id) {
        super("No such staff member: " + id);
    }
}
