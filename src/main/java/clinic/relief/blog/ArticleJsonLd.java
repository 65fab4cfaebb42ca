package clinic.relief.blog;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import clinic.relief.clinic.ClinicProfile;
import tools.jackson.databind.json.JsonMapper;

/**
 * Structured data for search engines: the article as a schema.org {@code Article} published by the clinic, a
 * {@code MedicalBusiness}. Safe inside a {@code <script>} element: every {@code <} is escaped.
 */
final class ArticleJsonLd {

    private ArticleJsonLd() {}

    static String of(ArticleView article, String url, String base, ClinicProfile clinic, JsonMapper json) {
        Map<String, Object> address = new LinkedHashMap<>();
        address.put("@type", "PostalAddress");
        address.put("streetAddress", clinic.address().street());
        address.put("addressLocality", clinic.address().city());
        address.put("addressRegion", clinic.address().region());
        address.put("postalCode", clinic.address().postalCode());
        address.put("addressCountry", clinic.address().country());
        Map<String, Object> business = new LinkedHashMap<>();
        business.put("@type", List.of("MedicalBusiness", "HealthAndBeautyBusiness"));
        business.put("name", clinic.name());
        business.put("telephone", clinic.phone());
        business.put("url", base + "/");
        business.put("address", address);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("@context", "https://schema.org");
        data.put("@type", "Article");
        data.put("headline", article.title());
        data.put("description", article.summary());
        data.put("inLanguage", article.language());
        data.put("datePublished", article.isoDate());
        data.put("mainEntityOfPage", url);
        if (article.coverImage() != null) {
            data.put("image", base + article.coverImage());
        }
        data.put("keywords", String.join(", ", article.tags()));
        data.put("author", Map.of("@type", "Organization", "name", article.author()));
        data.put("publisher", business);
        return json.writeValueAsString(data).replace("<", "\\u003c");
    }
}
