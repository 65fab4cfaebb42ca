package clinic.relief.blog;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A reader asks for every comment they left with this email to be removed. */
record RemovalForm(
        @NotBlank @Email @Size(max = 254) String email,
        @Size(max = 1000) String note) {}
