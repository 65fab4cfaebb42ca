package clinic.relief.insurance;

import java.time.LocalDate;
import java.util.Objects;

/** The insured person named on the card, with the address the payer has for them. */
public record Subscriber(
        Relationship relationship,
        String firstName,
        String lastName,
        LocalDate birthDate,
        String sex,
        String street,
        String city,
        String state,
        String zip) {

    public Subscriber {
        Objects.requireNonNull(relationship, "relationship");
        Objects.requireNonNull(birthDate, "birthDate");
    }

    public String fullName() {
        return firstName + " " + lastName;
    }
}
