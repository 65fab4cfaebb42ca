package clinic.relief.booking.waitlist;

import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.modulith.NamedInterface;
import org.springframework.web.bind.annotation.ResponseStatus;

/** No waitlist request has this id (or it is someone else's). */
@NamedInterface("waitlist")
@ResponseStatus(HttpStatus.NOT_FOUND)
public class UnknownWaitlistEntry extends RuntimeException {

    public UnknownWaitlistEntry(UUID id) {
        super("No waitlist request " + id);
    }
}
