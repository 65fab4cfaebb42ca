/**
 * The blog: articles that lead readers to the pain finder, comments whose emails stay private, moderation and
 * layered spam filtering.
 */
@NullMarked
package clinic.relief.blog;

import org.jspecify.annotations.NullMarked;
