package clinic.relief.portal;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** A portal request named another patient; answered like a page that does not exist, telling nothing about them. */
@ResponseStatus(HttpStatus.NOT_FOUND)
class NotYourRecord extends RuntimeException {

    NotYourRecord() {
        super("A patient asked for records that are not theirs");
    }
}
