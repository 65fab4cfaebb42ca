package clinic.relief.billing;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import clinic.relief.clinic.ClinicProfile;
import clinic.relief.clinic.ServiceCatalogue;
import clinic.relief.shared.Money;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Turns billing records into view records with every text and amount already in the reader's language. */
@Component
class BillingViews {

    private final MessageSource messages;
    private final ServiceCatalogue services;
    private final ZoneId zone;

    BillingViews(MessageSource messages, ClinicProfile clinic, ServiceCatalogue services) {
        this.messages = messages;
        this.services = services;
        this.zone = clinic.zone();
    }

    public record LineView(String text, String amount) {}

    public record PaymentView(UUID id, String what, String amount, String date, String recordedBy, boolean payment) {}

    public record InvoiceView(
            UUID id,
            String number,
            String issued,
            String service,
            String total,
            String paid,
            String balance,
            boolean owing,
            List<LineView> lines,
            List<PaymentView> payments) {}

    /** A service and length as the quote form offers it ({@code trigger-point:60}). */
    public record Choice(String value, String label) {}

    List<LineView> lines(List<Line> lines, Locale locale) {
        return lines.stream()
                .map(line ->
                        new LineView(line.text(messages, locale), line.amount().format(locale)))
                .toList();
    }

    InvoiceView invoice(Invoice invoice, Locale locale) {
        List<PaymentView> payments = invoice.payments().stream()
                .map(p -> new PaymentView(
                        p.id(),
                        text(
                                "billing.pdf.payment." + p.kind(),
                                locale,
                                text("billing.method." + p.method(), locale),
                                date(p.at(), locale)),
                        p.signedAmount().format(locale),
                        date(p.at(), locale),
                        p.recordedBy(),
                        p.kind() == Payment.Kind.PAYMENT))
                .toList();
        return new InvoiceView(
                invoice.id(),
                String.valueOf(invoice.number()),
                date(invoice.issuedAt(), locale),
                serviceName(invoice.serviceId(), locale),
                invoice.total().format(locale),
                invoice.paid().format(locale),
                invoice.balance().format(locale),
                invoice.balance().isPositive(),
                lines(invoice.lines(), locale),
                payments);
    }

    List<Choice> choices(Locale locale) {
        List<Choice> choices = new ArrayList<>();
        for (ClinicProfile.Service service : services.offered()) {
            service.pricesByLength()
                    .keySet()
                    .forEach(minutes -> choices.add(new Choice(
                            service.id() + ":" + minutes,
                            text("billing.choice", locale, service.name(locale), String.valueOf(minutes)))));
        }
        return choices;
    }

    String serviceName(String serviceId, Locale locale) {
        return serviceId == null
                ? text("billing.membershipOrFee", locale)
                : services.find(serviceId).map(s -> s.name(locale)).orElse(serviceId);
    }

    /** A failure's message, with amounts written the reader's way. */
    String problem(BillingFailure failure, Locale locale) {
        Object[] args = failure.args().stream()
                .map(arg -> arg instanceof Money money ? money.format(locale) : arg)
                .toArray();
        return text("billing.problem." + failure.code(), locale, args);
    }

    String date(Instant at, Locale locale) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                .withLocale(locale)
                .format(at.atZone(zone));
    }

    String text(String code, Locale locale, Object... args) {
        return messages.getMessage(code, args, locale);
    }
}
