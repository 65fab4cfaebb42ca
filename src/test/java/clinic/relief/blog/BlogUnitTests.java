package clinic.relief.blog;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The pure parts of the blog: comment text, the time trap, Markdown, the classifier. */
class BlogUnitTests {

    private static final Instant NOON = Instant.parse("2026-11-25T12:00:00Z");

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "no links here | 0",
                "see https://a.example | 1",
                "https://a.example and http://b.example | 2",
                "www.cheap.example <a href=x>y</a> [url=z]w[/url] | 3"
            })
    void countsLinksOfEveryKind(String text, int links) {
        assertThat(CommentText.links(text)).isEqualTo(links);
    }

    @Test
    void rendersCommentTextEscapedWithNofollowLinksAndParagraphs() {
        String html = CommentText.toHtml("Hi <b>there</b>\n\nvisit https://x.example/?a=1&b=2 now");

        assertThat(html)
                .isEqualTo("<p>Hi &lt;b&gt;there&lt;/b&gt;</p><p>visit "
                        + "<a href=\"https://x.example/?a=1&amp;b=2\" rel=\"nofollow ugc\">https://x.example/?a=1&amp;b=2</a>"
                        + " now</p>");
    }

    @Test
    void timeTrapRefusesAFormSentBackTooFastAndAcceptsOneSentLater() {
        BlogSettings settings = settings();
        TimeTrap issuer = new TimeTrap(Clock.fixed(NOON, ZoneOffset.UTC), settings);
        String token = issuer.issue("post");

        assertThat(trapAt(NOON.plusSeconds(1), settings).check(token, "post")).isEqualTo(TimeTrap.Result.TOO_FAST);
        assertThat(trapAt(NOON.plusSeconds(10), settings).check(token, "post")).isEqualTo(TimeTrap.Result.OK);
        assertThat(trapAt(NOON.plusSeconds(10), settings).check(token, "other")).isEqualTo(TimeTrap.Result.FORGED);
        assertThat(trapAt(NOON.plusSeconds(10), settings).check(token + "x", "post"))
                .isEqualTo(TimeTrap.Result.FORGED);
        assertThat(trapAt(NOON.plusSeconds(10), settings).check("garbage", "post"))
                .isEqualTo(TimeTrap.Result.FORGED);
    }

    @Test
    void markdownEscapesRawHtmlAndDropsScriptLinks() {
        String html = new Markdown().toHtml("# Title\n\n<script>alert(1)</script>\n\n[x](javascript:alert(1))");

        assertThat(html).contains("<h1>Title</h1>").doesNotContain("<script").doesNotContain("javascript:");
    }

    @Test
    void readsStarterArticleFrontMatter() {
        var fields = ArticleSeed.parse("---\nslug: a\nlanguage: es\ntags: x, y\n---\nBody *text*\n");

        assertThat(fields)
                .containsEntry("slug", "a")
                .containsEntry("language", "es")
                .containsEntry("tags", "x, y")
                .containsEntry("body", "Body *text*");
    }

    @Test
    void classifierLearnsToTellSpamFromHam() {
        NaiveBayes model = new NaiveBayes();
        for (int i = 0; i < 10; i++) {
            model.train("cheap pills casino bonus win money now " + i, true);
            model.train("my low back hurts after sitting at my desk " + i, false);
        }
        assertThat(model.trained()).isTrue();
        assertThat(model.spamProbability("win casino money")).isGreaterThan(0.9);
        assertThat(model.spamProbability("my back hurts after sitting")).isLessThan(0.1);
        assertThat(model.chiScore("win casino money")).isGreaterThan(0.9);
        assertThat(model.chiScore("my back hurts after sitting")).isLessThan(0.1);
    }

    @Test
    void articleLinksToThePainFinderWithItsRegionsPreselected() {
        Article article = new Article(
                UUID.randomUUID(),
                "s",
                "en",
                null,
                "t",
                "s",
                "m",
                null,
                null,
                null,
                ArticleStatus.PUBLISHED,
                NOON,
                NOON,
                List.of("occiput_L", "temple_L"),
                List.of());

        assertThat(article.painFinderLink()).isEqualTo("/pain-finder?regions=occiput_L,temple_L");
        assertThat(article.isPublicAt(NOON.minusSeconds(1))).isFalse();
        assertThat(article.isPublicAt(NOON)).isTrue();
    }

    private static TimeTrap trapAt(Instant now, BlogSettings settings) {
        return new TimeTrap(Clock.fixed(now, ZoneOffset.UTC), settings);
    }

    private static BlogSettings settings() {
        return new BlogSettings(null, 0, 0, Duration.ofSeconds(3), 0, 0, null, null, null, "secret", null, 0, null);
    }
}
