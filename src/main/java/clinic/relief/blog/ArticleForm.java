package clinic.relief.blog;

import java.time.LocalDateTime;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What staff fill in to write or edit an article. Tags and regions are comma-separated; {@code publishAt} is in the
 * clinic's time zone; {@code translationOf} is the slug of the original when this is a translation.
 */
record ArticleForm(
        String id,

        @NotBlank @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*") @Size(max = 120)
        String slug,

        @NotBlank @Pattern(regexp = "en|es") String language,
        @Size(max = 120) String translationOf,
        @NotBlank @Size(max = 200) String title,
        @NotBlank @Size(max = 400) String summary,
        @NotBlank @Size(max = 60000) String markdown,

        @Size(max = 300) @Pattern(regexp = "^$|/[A-Za-z0-9/._-]+")
        String coverImage,

        @Size(max = 300) String coverAlt,
        @Size(max = 600) @Pattern(regexp = "[a-z0-9, -]*") String tags,
        @Size(max = 600) @Pattern(regexp = "[A-Za-z_, ]*") String regions,
        @NotNull ArticleStatus status,
        LocalDateTime publishAt) {

    static ArticleForm blank() {
        return new ArticleForm(null, "", "en", "", "", "", "", "", "", "", "", ArticleStatus.DRAFT, null);
    }
}
