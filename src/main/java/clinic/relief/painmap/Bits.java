package clinic.relief.painmap;

/** Fixed-size bit sets over region indexes, as plain {@code long[]}; small and allocation-light. */
final class Bits {

    private Bits() {}

    static long[] empty(int size) {
        return new long[(size + 63) >>> 6];
    }

    static void set(long[] bits, int index) {
        bits[index >>> 6] |= 1L << index;
    }

    static boolean get(long[] bits, int index) {
        return (bits[index >>> 6] & (1L << index)) != 0;
    }

    static int count(long[] bits) {
        int count = 0;
        for (long word : bits) {
            count += Long.bitCount(word);
        }
        return count;
    }

    static boolean intersects(long[] a, long[] b) {
        for (int i = 0; i < a.length; i++) {
            if ((a[i] & b[i]) != 0) {
                return true;
            }
        }
        return false;
    }

    static int countAnd(long[] a, long[] b) {
        int count = 0;
        for (int i = 0; i < a.length; i++) {
            count += Long.bitCount(a[i] & b[i]);
        }
        return count;
    }

    static long[] and(long[] a, long[] b) {
        long[] out = new long[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i] & b[i];
        }
        return out;
    }

    static long[] andNot(long[] a, long[] b) {
        long[] out = new long[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i] & ~b[i];
        }
        return out;
    }

    static long[] or(long[] a, long[] b) {
        long[] out = new long[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i] | b[i];
        }
        return out;
    }

    static boolean isEmpty(long[] bits) {
        for (long word : bits) {
            if (word != 0) {
                return false;
            }
        }
        return true;
    }

    /** The lowest set index at or after {@code from}, or -1. */
    static int next(long[] bits, int from) {
        int word = from >>> 6;
        if (word >= bits.length) {
            return -1;
        }
        long current = bits[word] & (-1L << from);
        while (true) {
            if (current != 0) {
                return (word << 6) + Long.numberOfTrailingZeros(current);
            }
            if (++word == bits.length) {
                return -1;
            }
            current = bits[word];
        }
    }
}
