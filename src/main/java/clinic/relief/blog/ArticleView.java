package clinic.relief.blog;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;

/** An article as a page shows it: HTML already rendered and made safe, the date written for the reader. */
record ArticleView(
        String slug,
        String language,
        String title,
        String summary,
        String html,
        String date,
        String isoDate,
        int readingMinutes,
        List<String> tags,
        String painFinderLink,
        String coverImage,
        String coverAlt,
        String author,
        List<Translation> translations) {

    record Translation(String language, String slug, String title) {}

    static ArticleView of(
            Article article, String html, String author, List<Article> translations, ZoneId zone, Locale locale) {
        DateTimeFormatter format =
                DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale);
        return new ArticleView(
                article.slug(),
                article.language(),
                article.title(),
                article.summary(),
                html,
                format.format(article.publishAt().atZone(zone)),
                article.publishAt().toString(),
                article.readingMinutes(),
                article.tags(),
                article.painFinderLink(),
                article.coverImage(),
                article.coverAlt(),
                author,
                translations.stream()
                        .map(t -> new Translation(t.language(), t.slug(), t.title()))
                        .toList());
    }
}
