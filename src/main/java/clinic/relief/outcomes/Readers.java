package clinic.relief.outcomes;

import clinic.relief.staff.Staff;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/** Turns the signed-in user into a {@link Reader}; an account that is gone reads nothing. */
@Component
class Readers {

    private final Staff staff;

    Readers(Staff staff) {
        this.staff = staff;
    }

    Reader of(Authentication auth) {
        return staff.findByEmail(auth.getName())
                .map(m -> new Reader(m.id(), m.role(), auth.getName()))
                .orElseThrow(NoteAccessDenied::new);
    }
}
