package clinic.relief.mail;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import clinic.relief.clinic.ClinicProfile;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The outbox as staff read it at {@code /admin/outbox} (front desk and owner): the newest e-mails with their state.
 * Secret links are shown redacted: a link that confirms a booking, resets a password or claims an offer works for
 * whoever holds it, so only the e-mail itself carries it. Attachments are not shown.
 */
@Controller
class OutboxPages {

    static final int SHOWN = 100;
    /** A link's secret parameter, and (to be safe with any other format) any run long enough to be a secret. */
    private static final Pattern TOKEN_PARAMETER = Pattern.compile("([?&]token=)[^\\s&#]*");

    private static final Pattern LONG_SECRET = Pattern.compile("[A-Za-z0-9_-]{32,}");

    private final OutboxStore store;
    private final ClinicProfile clinic;
    private final MessageSource messages;

    OutboxPages(OutboxStore store, ClinicProfile clinic, MessageSource messages) {
        this.store = store;
        this.clinic = clinic;
        this.messages = messages;
    }

    /** One e-mail as the page shows it; {@code state} is a message key suffix. */
    record Row(
            String created,
            String kind,
            String recipient,
            @Nullable String subject,
            @Nullable String body,
            String state,
            int attempts,
            String attachment) {}

    @GetMapping("/admin/outbox")
    String outbox(Locale locale, Model model) {
        String hidden = messages.getMessage("booking.outbox.hidden", null, locale);
        model.addAttribute(
                "rows",
                store.newest(SHOWN).stream()
                        .map(e -> new Row(
                                dateTime(e.createdAt(), locale),
                                e.kind(),
                                e.recipient(),
                                redact(e.subject(), hidden),
                                redact(e.body(), hidden),
                                state(e.sentAt(), e.voidedAt(), e.lastError()),
                                e.attempts(),
                                e.attachmentName()))
                        .toList());
        model.addAttribute("shown", SHOWN);
        return "mail/outbox";
    }

    private String dateTime(Instant instant, Locale locale) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.FULL, FormatStyle.SHORT)
                .withLocale(locale)
                .withZone(clinic.zone())
                .format(instant);
    }

    /** The text with every secret in it replaced by {@code hidden}; none for an e-mail not written yet. */
    static @Nullable String redact(@Nullable String text, String hidden) {
        if (text == null) {
            return null;
        }
        String withoutParameters =
                TOKEN_PARAMETER.matcher(text).replaceAll(match -> Matcher.quoteReplacement(match.group(1) + hidden));
        return LONG_SECRET.matcher(withoutParameters).replaceAll(Matcher.quoteReplacement(hidden));
    }

    private static String state(OffsetDateTime sent, OffsetDateTime voided, String error) {
        if (sent != null) {
            return "sent";
        }
        if (voided != null) {
            return "voided";
        }
        return error != null ? "retrying" : "waiting";
    }
}
