/**
 * The CMS-1500 (02/12) claim form: each value on the form's print grid (10 characters per inch, 6 lines per inch),
 * as a PDF to print on the red-ink form and as a preview with a drawn copy of the form behind it.
 */
@NullMarked
package clinic.relief.insurance.cms1500;

import org.jspecify.annotations.NullMarked;
