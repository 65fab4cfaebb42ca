package clinic.relief.blog;

/** Where a comment is: waiting for a moderator, shown, in the spam folder, or in the trash (nothing is deleted). */
enum CommentStatus {
    PENDING,
    APPROVED,
    SPAM,
    TRASH
}
