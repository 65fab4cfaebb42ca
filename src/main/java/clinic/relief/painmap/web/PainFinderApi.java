package clinic.relief.painmap.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import clinic.relief.painmap.Assessments;
import clinic.relief.painmap.EmptyRegions;
import clinic.relief.painmap.Lang;
import clinic.relief.painmap.PainFinder;
import clinic.relief.painmap.SavedAssessment;
import clinic.relief.painmap.UnknownIds;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/** The pain finder's JSON API, as fixed by pain-finder-contract.md. */
@Tag(name = "Pain finder")
@RestController
@RequestMapping("/api/pain-finder")
class PainFinderApi {

    private final Assessments assessments;
    private final PainFinder finder;
    private final MessageSource messages;
    private final VocabularyJson vocabulary;
    private final JsonMapper json;

    PainFinderApi(Assessments assessments, PainFinder finder, MessageSource messages, JsonMapper json) {
        this.assessments = assessments;
        this.json = json;
        this.finder = finder;
        this.messages = messages;
        this.vocabulary = VocabularyJson.of(finder.knowledgeBase());
    }

    /**
     * The answer is serialised here, once, to bytes with their length: no content negotiation over every message
     * converter, and no chunked encoding.
     */
    @Operation(summary = "Screen red flags, rank the muscles that may refer pain to the marked regions, save it")
    @ApiResponse(
            responseCode = "200",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = AssessmentJson.class)))
    @PostMapping
    ResponseEntity<byte[]> assess(@Valid @RequestBody PainFinderRequest request) {
        SavedAssessment saved = assessments.assess(request.toQuery());
        byte[] body = json.writeValueAsBytes(AssessmentJson.of(saved, finder, language(request.lang())));
        // 200, as the pain finder contract says (../shared/domain/pain-finder-contract.md); Content-Location names
        // the saved assessment this answer is a representation of (RFC 9110, 8.7).
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_LOCATION, "/api/pain-finder/assessments/" + saved.id())
                .contentType(MediaType.APPLICATION_JSON)
                .contentLength(body.length)
                .body(body);
    }

    @Operation(summary = "Every region, muscle, quality, factor and red-flag id, with labels in en and es")
    @GetMapping("/vocabulary")
    VocabularyJson vocabulary() {
        return vocabulary;
    }

    @Operation(summary = "A saved assessment (it holds no personal data)")
    @GetMapping("/assessments/{id}")
    ResponseEntity<?> assessment(@PathVariable UUID id, @RequestParam(required = false) String lang) {
        return assessments
                .find(id)
                .<ResponseEntity<?>>map(saved -> ResponseEntity.ok(AssessmentJson.of(saved, finder, language(lang))))
                .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND)
                        .body(problem(HttpStatus.NOT_FOUND, "painmap.api.notFound")));
    }

    @ExceptionHandler(EmptyRegions.class)
    ResponseEntity<ProblemDetail> emptyRegions() {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "painmap.api.emptyRegions");
        problem.setProperty(
                "errors", List.of(Map.of("field", "regions", "message", message("painmap.api.emptyRegions"))));
        return ResponseEntity.badRequest().body(problem);
    }

    @ExceptionHandler(UnknownIds.class)
    ResponseEntity<ProblemDetail> unknownIds(UnknownIds unknown) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "painmap.api.unknownIds");
        Map<String, Object> byKind = new LinkedHashMap<>();
        unknown.unknown().forEach((kind, ids) -> byKind.put(kind.id(), ids));
        problem.setProperty("unknownIds", byKind);
        return ResponseEntity.badRequest().body(problem);
    }

    private ProblemDetail problem(HttpStatus status, String code) {
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setTitle(message(code + ".title"));
        problem.setDetail(message(code));
        return problem;
    }

    private String message(String code) {
        return messages.getMessage(code, null, LocaleContextHolder.getLocale());
    }

    /** The asked language, else the request's (Accept-Language, or the visitor's choice), else English. */
    static Lang language(String asked) {
        String code = asked != null ? asked : LocaleContextHolder.getLocale().getLanguage();
        return "es".equals(code.toLowerCase(Locale.ROOT)) ? Lang.ES : Lang.EN;
    }
}
