/**
 * Value types every module may use (money) and the one helper for instants as SQL parameters; no beans.
 */
package clinic.relief.shared;
