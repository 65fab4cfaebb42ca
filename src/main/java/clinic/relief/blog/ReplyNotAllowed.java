package clinic.relief.blog;

/** A reply to a comment that is not shown (pending, spam, trashed, on another article) or that is itself a reply. */
class ReplyNotAllowed extends RuntimeException {

    ReplyNotAllowed(String parentId) {
        super("Cannot reply to comment " + parentId);
    }
}
