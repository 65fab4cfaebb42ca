/**
 * The pain finder: body regions, the referral facts of 35 muscles, the red-flag screen and the ranking engine
 * (plain Java, no Spring, no I/O after {@link clinic.relief.painmap.KnowledgeBase#load()}).
 */
@NullMarked
package clinic.relief.painmap;

import org.jspecify.annotations.NullMarked;
