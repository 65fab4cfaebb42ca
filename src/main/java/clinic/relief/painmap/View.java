package clinic.relief.painmap;

/** Where a region is drawn: the front figure, the back figure, or the side/detail (head) inset. */
public enum View {
    F,
    B,
    S
}
