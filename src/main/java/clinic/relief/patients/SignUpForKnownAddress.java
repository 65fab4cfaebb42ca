package clinic.relief.patients;

/**
 * Someone signed up with the address of a confirmed account: its owner is told by e-mail (sign in, or choose a new
 * password), which is all the sign-up page's visitor ever learns of it. Published inside the sign-up transaction.
 */
record SignUpForKnownAddress(String email, String firstName, String language) {}
