/** Intake forms in the workspace: send or resend the link, contraindication alerts, the signed form. */
@NullMarked
package clinic.relief.workspace.intake;

import org.jspecify.annotations.NullMarked;
