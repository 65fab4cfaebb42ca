/**
 * Outcomes: treatment notes (SOAP) per visit, pain and questionnaire scores, each client's progress, the relief
 * guarantee and the clinic's de-identified results.
 */
@NullMarked
package clinic.relief.outcomes;

import org.jspecify.annotations.NullMarked;
