package clinic.relief.blog;

import java.util.UUID;

/** No comment has this id. */
class UnknownComment extends RuntimeException {

    UnknownComment(UUID id) {
        super("No comment " + id);
    }
}
