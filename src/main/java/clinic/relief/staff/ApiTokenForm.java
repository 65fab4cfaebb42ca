package clinic.relief.staff;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The owner's form for a new API token: a name to recognise the client by and the role it acts as. */
record ApiTokenForm(
        @NotBlank(message = "{staff.tokens.name.required}") @Size(max = 80, message = "{staff.tokens.name.long}")
        String name,

        @NotNull(message = "{staff.tokens.role.required}") StaffRole role) {}
