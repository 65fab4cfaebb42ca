/**
 * Insurance: PPO coverage, prescriptions and eligibility checks, claims with CPT units by the 8-minute rule, X12 837P
 * files and 835 remittances, and the CMS-1500 and superbill PDFs. Depends on billing, booking and patients; nothing
 * depends on it.
 */
@NullMarked
package clinic.relief.insurance;

import org.jspecify.annotations.NullMarked;
