package clinic.relief.blog;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What a reader sends with the comment form. Name, email and comment are required; the website is optional.
 * {@code nickname} is the honeypot (hidden from people, filled by bots) and {@code trap} the signed time trap.
 */
record CommentForm(
        @NotBlank @Size(max = 80) String name,
        @NotBlank @Email @Size(max = 254) String email,

        @Size(max = 300) @Pattern(regexp = "^$|https?://[^\\s<>\"']+")
        String website,

        @NotBlank @Size(max = 3000) String body,
        String parentId,
        String trap,
        String nickname) {

    static final String HONEYPOT = "nickname";

    static CommentForm empty(String trap) {
        return new CommentForm("", "", "", "", null, trap, "");
    }

    CommentForm {
        name = name == null ? null : name.strip();
        email = email == null ? null : email.strip();
        website = website == null ? "" : website.strip();
        body = body == null ? null : CommentText.normalize(body);
    }
}
