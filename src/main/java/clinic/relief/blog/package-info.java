/**
 * The blog: articles that lead readers to the pain finder, comments whose emails stay private, moderation and
 * layered spam filtering.
 */
package clinic.relief.blog;
