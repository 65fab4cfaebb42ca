package clinic.relief.blog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import static clinic.relief.shared.Timestamps.utc;

/** Articles and their tags in PostgreSQL. "Public" always means not a draft and due by the injected clock. */
@Repository
class ArticleStore {

    private final JdbcClient jdbc;
    private final Clock clock;

    ArticleStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    List<Article> publicPage(String language, String tag, int page, int size) {
        return jdbc.sql("""
                select a.*, coalesce((select string_agg(t.tag, ',' order by t.tag) from blog_article_tag t
                                      where t.article_id = a.id), '') as tags
                from blog_article a
                where a.status <> 'DRAFT' and a.publish_at <= :now and a.language = :language
                  and (cast(:tag as varchar) is null
                       or exists (select 1 from blog_article_tag t where t.article_id = a.id and t.tag = :tag))
                order by a.publish_at desc, a.slug limit :size offset :offset""")
                .param("now", utc(clock.instant()))
                .param("language", language)
                .param("tag", tag, Types.VARCHAR)
                .param("size", size)
                .param("offset", Math.max(0, page) * size)
                .query(ArticleStore::article)
                .list();
    }

    @Transactional(readOnly = true)
    int publicCount(String language, String tag) {
        return jdbc.sql("""
                select count(*) from blog_article a
                where a.status <> 'DRAFT' and a.publish_at <= :now and a.language = :language
                  and (cast(:tag as varchar) is null
                       or exists (select 1 from blog_article_tag t where t.article_id = a.id and t.tag = :tag))""")
                .param("now", utc(clock.instant()))
                .param("language", language)
                .param("tag", tag, Types.VARCHAR)
                .query(Integer.class)
                .single();
    }

    /** Every public article in every language, newest first (feeds and the sitemap). */
    @Transactional(readOnly = true)
    List<Article> allPublic() {
        return jdbc.sql("""
                select a.*, coalesce((select string_agg(t.tag, ',' order by t.tag) from blog_article_tag t
                                      where t.article_id = a.id), '') as tags
                from blog_article a
                where a.status <> 'DRAFT' and a.publish_at <= :now order by a.publish_at desc""")
                .param("now", utc(clock.instant()))
                .query(ArticleStore::article)
                .list();
    }

    /** Every article in every state, newest first (the staff list). */
    @Transactional(readOnly = true)
    List<Article> all() {
        return jdbc.sql("""
                select a.*, coalesce((select string_agg(t.tag, ',' order by t.tag) from blog_article_tag t
                                      where t.article_id = a.id), '') as tags
                from blog_article a order by a.updated_at desc""").query(ArticleStore::article).list();
    }

    @Transactional(readOnly = true)
    Optional<Article> publicBySlug(String slug) {
        return bySlug(slug).filter(article -> article.isPublicAt(clock.instant()));
    }

    @Transactional(readOnly = true)
    Optional<Article> bySlug(String slug) {
        return jdbc.sql("""
                select a.*, coalesce((select string_agg(t.tag, ',' order by t.tag) from blog_article_tag t
                                      where t.article_id = a.id), '') as tags
                from blog_article a where a.slug = :slug""").param("slug", slug).query(ArticleStore::article).optional();
    }

    @Transactional(readOnly = true)
    Optional<Article> byId(UUID id) {
        return jdbc.sql("""
                select a.*, coalesce((select string_agg(t.tag, ',' order by t.tag) from blog_article_tag t
                                      where t.article_id = a.id), '') as tags
                from blog_article a where a.id = :id""").param("id", id).query(ArticleStore::article).optional();
    }

    /** The other-language versions of an article: its original and every translation of that original. */
    @Transactional(readOnly = true)
    List<Article> translations(Article article) {
        UUID root = article.translationOf() != null ? article.translationOf() : article.id();
        return jdbc.sql("""
                select a.*, coalesce((select string_agg(t.tag, ',' order by t.tag) from blog_article_tag t
                                      where t.article_id = a.id), '') as tags
                from blog_article a
                where (a.id = :root or a.translation_of = :root) and a.id <> :id
                  and a.status <> 'DRAFT' and a.publish_at <= :now""")
                .param("root", root)
                .param("id", article.id())
                .param("now", utc(clock.instant()))
                .query(ArticleStore::article)
                .list();
    }

    /** Stores the article and its tags, replacing any article with the same id. */
    @Transactional
    void save(Article article) {
        jdbc.sql("""
                insert into blog_article (id, slug, language, translation_of, title, summary, body_markdown,
                    cover_image, cover_alt, author_id, status, publish_at, updated_at, regions)
                values (:id, :slug, :language, :translationOf, :title, :summary, :markdown, :cover, :coverAlt,
                    :author, :status, :publishAt, :updatedAt, :regions)
                on conflict (id) do update set slug = excluded.slug, language = excluded.language,
                    translation_of = excluded.translation_of, title = excluded.title, summary = excluded.summary,
                    body_markdown = excluded.body_markdown, cover_image = excluded.cover_image,
                    cover_alt = excluded.cover_alt, author_id = excluded.author_id, status = excluded.status,
                    publish_at = excluded.publish_at, updated_at = excluded.updated_at, regions = excluded.regions
                """)
                .param("id", article.id())
                .param("slug", article.slug())
                .param("language", article.language())
                .param("translationOf", article.translationOf())
                .param("title", article.title())
                .param("summary", article.summary())
                .param("markdown", article.markdown())
                .param("cover", article.coverImage())
                .param("coverAlt", article.coverAlt())
                .param("author", article.authorId())
                .param("status", article.status().name())
                .param("publishAt", utc(article.publishAt()))
                .param("updatedAt", utc(article.updatedAt()))
                .param("regions", String.join(",", article.regions()))
                .update();
        jdbc.sql("delete from blog_article_tag where article_id = :id")
                .param("id", article.id())
                .update();
        if (!article.tags().isEmpty()) {
            jdbc.sql("insert into blog_article_tag (article_id, tag) select :id, unnest(:tags::text[])")
                    .param("id", article.id())
                    .param("tags", article.tags().toArray(String[]::new))
                    .update();
        }
    }

    Instant now() {
        return clock.instant();
    }

    private static Article article(ResultSet rs, int row) throws SQLException {
        Timestamp publishAt = rs.getTimestamp("publish_at");
        return new Article(
                rs.getObject("id", UUID.class),
                rs.getString("slug"),
                rs.getString("language"),
                rs.getObject("translation_of", UUID.class),
                rs.getString("title"),
                rs.getString("summary"),
                rs.getString("body_markdown"),
                rs.getString("cover_image"),
                rs.getString("cover_alt"),
                rs.getObject("author_id", UUID.class),
                ArticleStatus.valueOf(rs.getString("status")),
                publishAt == null ? null : publishAt.toInstant(),
                rs.getTimestamp("updated_at").toInstant(),
                split(rs.getString("regions")),
                split(rs.getString("tags")));
    }

    private static List<String> split(String joined) {
        return joined == null || joined.isBlank()
                ? List.of()
                : Arrays.stream(joined.split(","))
                        .map(String::strip)
                        .filter(s -> !s.isEmpty())
                        .toList();
    }
}
