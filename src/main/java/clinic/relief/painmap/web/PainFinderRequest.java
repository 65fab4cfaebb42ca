package clinic.relief.painmap.web;

import java.util.List;

import clinic.relief.painmap.PainQuery;
import clinic.relief.painmap.Sex;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code POST /api/pain-finder}. Only {@code regions} is required (checked by {@link PainQuery}, which
 * also reports unknown ids); lists are capped well above the vocabulary's size so that a huge body is refused early.
 */
record PainFinderRequest(
        @Size(max = 200) List<String> regions,
        @Size(max = 50) List<String> qualities,
        @Size(max = 200) List<String> factors,
        @Size(max = 50) List<String> redFlags,
        String sex,

        @Pattern(regexp = "en|es", message = "{painmap.api.lang}")
        String lang) {

    PainQuery toQuery() {
        return PainQuery.of(regions, qualities, factors, redFlags, Sex.of(sex));
    }
}
