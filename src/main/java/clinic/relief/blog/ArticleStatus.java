package clinic.relief.blog;

/** Where an article is in its life: only scheduled articles whose time has come, and published ones, are public. */
enum ArticleStatus {
    DRAFT,
    SCHEDULED,
    PUBLISHED
}
