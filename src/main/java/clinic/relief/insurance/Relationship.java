package clinic.relief.insurance;

/** The patient's relationship to the insurance subscriber, with its X12 individual relationship code. */
public enum Relationship {
    SELF("18"),
    SPOUSE("01"),
    CHILD("19"),
    OTHER("G8");

    private final String x12;

    Relationship(String x12) {
        this.x12 = x12;
    }

    public String x12() {
        return x12;
    }
}
