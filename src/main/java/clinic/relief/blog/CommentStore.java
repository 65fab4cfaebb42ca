package clinic.relief.blog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static clinic.relief.shared.Timestamps.utc;

/** Comments in PostgreSQL, and the log of staff decisions on them. */
@Repository
class CommentStore {

    private final JdbcClient jdbc;

    CommentStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Comment c) {
        jdbc.sql("""
                insert into blog_comment (id, article_id, parent_id, author_name, author_email, author_url, body, status,
                    by_clinic, ip, user_agent, filter_verdict, filter_reasons, spam_score, created_at, status_at)
                values (:id, :article, :parent, :name, :email, :url, :body, :status, :byClinic, :ip, :agent, :verdict,
                    :reasons, :score, :created, :statusAt)""")
                .param("id", c.id())
                .param("article", c.articleId())
                .param("parent", c.parentId())
                .param("name", c.authorName())
                .param("email", c.authorEmail())
                .param("url", c.authorUrl())
                .param("body", c.body())
                .param("status", c.status().name())
                .param("byClinic", c.byClinic())
                .param("ip", c.ip())
                .param("agent", c.userAgent())
                .param("verdict", c.filterVerdict())
                .param("reasons", c.filterReasons())
                .param("score", c.spamScore())
                .param("created", utc(c.createdAt()))
                .param("statusAt", utc(c.statusAt()))
                .update();
    }

    Optional<Comment> find(UUID id) {
        return jdbc.sql("""
                select id, article_id, parent_id, author_name, author_email, author_url, body, status, by_clinic, ip,
                    user_agent, filter_verdict, filter_reasons, spam_score, created_at, status_at
                from blog_comment where id = :id""").param("id", id).query(CommentStore::comment).optional();
    }

    List<Comment> approvedFor(UUID articleId) {
        return jdbc.sql("""
                select id, article_id, parent_id, author_name, author_email, author_url, body, status, by_clinic, ip,
                    user_agent, filter_verdict, filter_reasons, spam_score, created_at, status_at
                from blog_comment where article_id = :article and status = 'APPROVED' order by created_at""")
                .param("article", articleId)
                .query(CommentStore::comment)
                .list();
    }

    List<Comment> inQueue(CommentStatus status, int limit) {
        return jdbc.sql("""
                select id, article_id, parent_id, author_name, author_email, author_url, body, status, by_clinic, ip,
                    user_agent, filter_verdict, filter_reasons, spam_score, created_at, status_at
                from blog_comment where status = :status order by created_at desc limit :limit""")
                .param("status", status.name())
                .param("limit", limit)
                .query(CommentStore::comment)
                .list();
    }

    int count(CommentStatus status) {
        return jdbc.sql("select count(*) from blog_comment where status = :status")
                .param("status", status.name())
                .query(Integer.class)
                .single();
    }

    /** Whether a moderator has approved a comment from this email before (the email is compared on the server). */
    boolean approvedBefore(String email) {
        return jdbc.sql("""
                select exists (select 1 from blog_comment
                    where lower(author_email) = lower(:email) and status = 'APPROVED' and not by_clinic)""").param("email", email).query(Boolean.class).single();
    }

    boolean duplicate(UUID articleId, String email, String body) {
        return jdbc.sql("""
                select exists (select 1 from blog_comment
                    where article_id = :article and lower(author_email) = lower(:email) and body = :body)""")
                .param("article", articleId)
                .param("email", email)
                .param("body", body)
                .query(Boolean.class)
                .single();
    }

    void changeStatus(UUID id, CommentStatus status, Instant at) {
        jdbc.sql("update blog_comment set status = :status, status_at = :at where id = :id")
                .param("status", status.name())
                .param("at", utc(at))
                .param("id", id)
                .update();
    }

    void edit(UUID id, String name, String url, String body) {
        jdbc.sql("update blog_comment set author_name = :name, author_url = :url, body = :body where id = :id")
                .param("name", name)
                .param("url", url)
                .param("body", body)
                .param("id", id)
                .update();
    }

    /** Moves every comment from this email to the trash, for a reader who asked for their comments to be removed. */
    int trashAllFrom(String email, Instant at) {
        return jdbc.sql("""
                update blog_comment set status = 'TRASH', status_at = :at
                where lower(author_email) = lower(:email) and status <> 'TRASH'""").param("email", email).param("at", utc(at)).update();
    }

    int purgeSpamBefore(Instant cutoff) {
        return jdbc.sql("""
                delete from blog_comment c where status = 'SPAM' and status_at < :cutoff
                  and not exists (select 1 from blog_comment r where r.parent_id = c.id)""").param("cutoff", utc(cutoff)).update();
    }

    int dropIpsBefore(Instant cutoff) {
        return jdbc.sql("""
                update blog_comment set ip = null, user_agent = null
                where ip is not null and status <> 'PENDING' and status_at < :cutoff""").param("cutoff", utc(cutoff)).update();
    }

    /** Staff decisions to learn from: approved comments as ham, spam-folder comments as spam. */
    List<Comment> decided() {
        return jdbc.sql("""
                select id, article_id, parent_id, author_name, author_email, author_url, body, status, by_clinic, ip,
                    user_agent, filter_verdict, filter_reasons, spam_score, created_at, status_at
                from blog_comment c
                where not by_clinic and status in ('APPROVED', 'SPAM')
                  and exists (select 1 from blog_moderation_log l where l.comment_id = c.id)""").query(CommentStore::comment).list();
    }

    /** Logs a staff decision on a comment, with what the filters had said about it. */
    void log(UUID commentId, UUID staffId, String action, String filterSaid, Instant at) {
        jdbc.sql("""
                insert into blog_moderation_log (comment_id, staff_id, action, filter_said, decided_at)
                values (:comment, :staff, :action, :said, :at)""")
                .param("comment", commentId)
                .param("staff", staffId)
                .param("action", action)
                .param("said", filterSaid)
                .param("at", utc(at))
                .update();
    }

    private static Comment comment(ResultSet rs, int row) throws SQLException {
        return new Comment(
                rs.getObject("id", UUID.class),
                rs.getObject("article_id", UUID.class),
                rs.getObject("parent_id", UUID.class),
                rs.getString("author_name"),
                rs.getString("author_email"),
                rs.getString("author_url"),
                rs.getString("body"),
                CommentStatus.valueOf(rs.getString("status")),
                rs.getBoolean("by_clinic"),
                rs.getString("ip"),
                rs.getString("user_agent"),
                rs.getString("filter_verdict"),
                rs.getString("filter_reasons"),
                rs.getObject("spam_score", Double.class),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("status_at").toInstant());
    }
}
