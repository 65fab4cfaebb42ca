/**
 * Cross-cutting infrastructure: the database (embedded or server), security, locale, errors and the clock.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package clinic.relief.system;
