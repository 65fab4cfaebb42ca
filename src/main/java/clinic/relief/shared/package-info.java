/**
 * Value types every module may use (money); no beans.
 */
package clinic.relief.shared;
