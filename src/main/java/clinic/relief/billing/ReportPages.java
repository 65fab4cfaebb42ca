package clinic.relief.billing;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The owner's billing reports, as a page and as CSV files (plain dollars, UTF-8). Owner only. */
@Controller
class ReportPages {

    private final BillingReports reports;
    private final BillingViews views;
    private final ClinicMonths months;

    ReportPages(BillingReports reports, BillingViews views, ClinicMonths months) {
        this.reports = reports;
        this.views = views;
        this.months = months;
    }

    /** One row of a revenue table, ready to show. */
    public record RevenueRow(String label, String amount, int payments) {}

    @GetMapping("/staff/billing/reports")
    String page(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            Locale locale,
            Model model) {
        LocalDate first = from == null ? months.current().atDay(1) : from;
        LocalDate last = to == null || to.isBefore(first) ? months.today() : to;
        model.addAttribute("from", first);
        model.addAttribute("to", last);
        model.addAttribute(
                "byService",
                reports.byService(first, last).stream()
                        .map(r -> new RevenueRow(
                                views.serviceName(r.key(), locale), r.amount().format(locale), r.payments()))
                        .toList());
        model.addAttribute("tipsTaken", reports.tipsTaken(first, last).format(locale));
        model.addAttribute(
                "byMethod",
                reports.byMethod(first, last).stream()
                        .map(r -> new RevenueRow(
                                views.text("billing.methodName." + r.key(), locale),
                                r.amount().format(locale),
                                r.payments()))
                        .toList());
        BillingReports.MembershipFigures figures = reports.memberships(first, last);
        model.addAttribute("members", figures);
        model.addAttribute("mrr", figures.monthlyRecurring().format(locale));
        model.addAttribute("outstanding", reports.outstanding());
        return "billing/reports";
    }

    @GetMapping("/staff/billing/reports/{report}.csv")
    ResponseEntity<byte[]> csv(
            @PathVariable String report,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        LocalDate first = from == null ? months.current().atDay(1) : from;
        LocalDate last = to == null ? months.today() : to;
        List<String> rows = switch (report) {
            case "revenue-by-service" -> revenue("service", reports.byService(first, last));
            case "revenue-by-method" -> revenue("method", reports.byMethod(first, last));
            case "outstanding" -> outstanding();
            default -> throw BillingFailure.notFound("unknownReport");
        };
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(report + ".csv")
                                .build()
                                .toString())
                .body((String.join("\r\n", rows) + "\r\n").getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> revenue(String what, List<BillingReports.Revenue> revenue) {
        List<String> rows = new ArrayList<>(List.of(what + ",amount_usd,payments"));
        revenue.forEach(r -> rows.add(
                cell(r.key() == null ? "membership_or_fee" : r.key()) + "," + r.amount() + "," + r.payments()));
        return rows;
    }

    private List<String> outstanding() {
        return Stream.concat(
                        Stream.of("patient_id,name,balance_usd,oldest_invoice"),
                        reports.outstanding().stream()
                                .map(o -> String.join(
                                        ",",
                                        o.patientId().toString(),
                                        cell(o.name()),
                                        o.balance().toString(),
                                        String.valueOf(o.oldestInvoice()))))
                .collect(Collectors.toList());
    }

    /** Quotes a CSV cell, and defuses text a spreadsheet would run as a formula. */
    static String cell(String text) {
        String safe = text.matches("^[=+\\-@\\t\\r].*") ? "'" + text : text;
        return "\"" + safe.replace("\"", "\"\"") + "\"";
    }
}
