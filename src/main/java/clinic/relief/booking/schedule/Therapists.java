package clinic.relief.booking.schedule;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import clinic.relief.booking.Therapist;
import clinic.relief.staff.Staff;
import clinic.relief.staff.StaffMember;
import org.springframework.stereotype.Component;

/**
 * Bookable therapists: active, listed therapist accounts from the staff module that booking knows to give a
 * service. (The staff module publishes only its listed therapists; unlisted ones cannot be booked yet.)
 */
@Component
public class Therapists {

    private final Staff staff;
    private final TherapistsStore store;

    Therapists(Staff staff, TherapistsStore store) {
        this.staff = staff;
        this.store = store;
    }

    public List<Therapist> all() {
        return staff.listedTherapists().stream()
                .map(m -> new Therapist(m.id(), m.displayName()))
                .toList();
    }

    public List<Therapist> giving(String serviceId) {
        Set<UUID> giving = store.giving(serviceId);
        return all().stream().filter(t -> giving.contains(t.id())).toList();
    }

    public Optional<Therapist> byEmail(String email) {
        return staff.findByEmail(email)
                .map(StaffMember::id)
                .flatMap(id -> all().stream().filter(t -> t.id().equals(id)).findFirst());
    }

    public String name(UUID id) {
        return all().stream()
                .filter(t -> t.id().equals(id))
                .map(Therapist::name)
                .findFirst()
                .orElse("");
    }
}
