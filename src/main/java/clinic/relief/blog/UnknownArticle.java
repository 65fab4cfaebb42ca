package clinic.relief.blog;

/** No public article (or, for staff, no article at all) has this address or id. */
class UnknownArticle extends RuntimeException {

    UnknownArticle(Object key) {
        super("No article " + key);
    }
}
