package clinic.relief.patients;

/**
 * Two patient records cannot be merged: {@code code} is the message key saying why (the same record twice, a record
 * already merged, or records whose data cannot live on one record, such as two live memberships or overlapping
 * appointments). Nothing was changed.
 */
public class MergeRefused extends RuntimeException {

    private final String code;

    public MergeRefused(String code) {
        super("Merge refused: " + code);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
