package clinic.relief.blog;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** No public article (or, for staff, no article at all) has this address or id. */
@ResponseStatus(HttpStatus.NOT_FOUND)
class UnknownArticle extends RuntimeException {

    UnknownArticle(Object key) {
        super("No article " + key);
    }
}
