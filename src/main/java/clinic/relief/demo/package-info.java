/**
 * The demo profile's history: sixty patients and six months of the clinic's life, written through the other modules'
 * public APIs so that every staff page, chart and report shows something real on first start. Nothing here runs
 * outside the demo profile.
 */
@NullMarked
package clinic.relief.demo;

import org.jspecify.annotations.NullMarked;
