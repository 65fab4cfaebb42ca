package clinic.relief.staff;

import java.time.Duration;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A listed therapist's photo at a stable public address, {@code /therapists/{id}/photo}. The pages link it with
 * {@code ?v=} and the start of its tag: that address never changes its content, so browsers keep it a year; without
 * it (or with an old tag) the answer must be revalidated, which the ETag makes a 304.
 */
@Controller
class TherapistPhotoPages {

    private final TherapistPhotos photos;

    TherapistPhotoPages(TherapistPhotos photos) {
        this.photos = photos;
    }

    @GetMapping("/therapists/{id}/photo")
    ResponseEntity<byte[]> photo(@PathVariable UUID id, @RequestParam(required = false) @Nullable String v) {
        return photos.listed(id)
                .map(photo -> answer(photo, v))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }

    /** The photo with its ETag; Spring answers a matching {@code If-None-Match} with a 304 and no body. */
    private static ResponseEntity<byte[]> answer(TherapistPhotos.Photo photo, @Nullable String version) {
        String etag = "\"" + photo.tag() + "\"";
        CacheControl cache = version != null
                        && version.length() >= 16
                        && photo.tag().startsWith(version)
                ? CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable()
                : CacheControl.noCache().cachePublic();
        return ResponseEntity.ok()
                .eTag(etag)
                .cacheControl(cache)
                .contentType(MediaType.parseMediaType(photo.contentType()))
                .body(photo.bytes());
    }
}
