package clinic.relief.painmap;

/** The kinds of ids a query carries; an unknown id is reported with its kind. */
public enum IdKind {
    REGION,
    QUALITY,
    FACTOR,
    RED_FLAG,
    SEX;

    /** The API spelling, e.g. {@code redFlag}. */
    public String id() {
        return switch (this) {
            case REGION -> "region";
            case QUALITY -> "quality";
            case FACTOR -> "factor";
            case RED_FLAG -> "redFlag";
            case SEX -> "sex";
        };
    }
}
