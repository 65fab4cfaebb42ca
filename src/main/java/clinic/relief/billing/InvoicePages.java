package clinic.relief.billing;

import java.util.Locale;
import java.util.UUID;

import clinic.relief.patients.Patients;
import clinic.relief.shared.Money;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * One invoice: its lines, payments and balance; the desk records a payment or a refund and prints the invoice or a
 * receipt. A refused payment re-renders the page with 422 and the reason; nothing is written.
 */
@Controller
class InvoicePages {

    private final Invoices invoices;
    private final Payments payments;
    private final Patients patients;
    private final BillingDocuments documents;
    private final BillingViews views;
    private final BillingMail mail;

    InvoicePages(
            Invoices invoices,
            Payments payments,
            Patients patients,
            BillingDocuments documents,
            BillingViews views,
            BillingMail mail) {
        this.invoices = invoices;
        this.payments = payments;
        this.patients = patients;
        this.documents = documents;
        this.views = views;
        this.mail = mail;
    }

    @GetMapping("/staff/billing/invoices/{id}")
    String page(@PathVariable UUID id, Locale locale, Model model, CsrfToken csrf) {
        csrf.getToken();
        Invoice invoice = invoices.get(id);
        model.addAttribute("invoice", views.invoice(invoice, locale));
        model.addAttribute("dueAtVisit", invoices.notYetDue(invoice.patientId()).contains(id));
        model.addAttribute("patient", patients.get(invoice.patientId()));
        model.addAttribute("methods", Payment.Method.atDesk());
        model.addAttribute("disputes", invoices.disputes(id));
        model.addAttribute(
                "cardCharges",
                invoice.payments().stream()
                        .filter(p -> p.method() == Payment.Method.CARD_ON_FILE && p.kind() == Payment.Kind.PAYMENT)
                        .toList());
        return "billing/invoice";
    }

    @PostMapping("/staff/billing/invoices/{id}/payments")
    String pay(
            @PathVariable UUID id,
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) String method,
            @RequestParam(required = false) String amount,
            @RequestParam(required = false) String note,
            @RequestParam(required = false) String giftCard,
            Authentication who,
            Locale locale,
            Model model,
            CsrfToken csrf,
            HttpServletResponse response,
            RedirectAttributes flash) {
        try {
            Payment payment = payments.record(
                    new RecordPayment(
                            id,
                            parse(Payment.Kind.class, kind),
                            parse(Payment.Method.class, method),
                            money(amount),
                            note,
                            giftCard),
                    who.getName());
            flash.addFlashAttribute("doneCode", "billing.paymentRecorded." + payment.kind());
            flash.addFlashAttribute("receipt", payment.kind() == Payment.Kind.PAYMENT ? payment.id() : null);
            return "redirect:/staff/billing/invoices/" + id;
        } catch (BillingFailure failure) {
            response.setStatus(failure.status().value());
            model.addAttribute("problemText", views.problem(failure, locale));
            model.addAttribute("amount", amount);
            model.addAttribute("giftCard", giftCard);
            return page(id, locale, model, csrf);
        }
    }

    /** Queues the invoice as a PDF to the patient's e-mail address, or says the patient has none. */
    @PostMapping("/staff/billing/invoices/{id}/email")
    String email(@PathVariable UUID id, RedirectAttributes flash) {
        if (mail.invoice(id)) {
            flash.addFlashAttribute("doneCode", "billing.invoiceEmailed");
        } else {
            flash.addFlashAttribute("problemCode", "billing.problem.noEmail");
        }
        return "redirect:/staff/billing/invoices/" + id;
    }

    @GetMapping("/staff/billing/invoices/{id}/invoice.pdf")
    ResponseEntity<byte[]> invoicePdf(@PathVariable UUID id, Locale locale) {
        Invoice invoice = invoices.get(id);
        return pdf("invoice-" + invoice.number() + ".pdf", documents.invoice(invoice, locale));
    }

    @GetMapping("/staff/billing/invoices/{id}/receipts/{paymentId}.pdf")
    ResponseEntity<byte[]> receiptPdf(@PathVariable UUID id, @PathVariable UUID paymentId, Locale locale) {
        Invoice invoice = invoices.get(id);
        Payment payment = invoice.payments().stream()
                .filter(p -> p.id().equals(paymentId))
                .findFirst()
                .orElseThrow(() -> BillingFailure.notFound("unknownPayment"));
        return pdf("receipt-" + invoice.number() + ".pdf", documents.receipt(invoice, payment, locale));
    }

    private static ResponseEntity<byte[]> pdf(String name, byte[] content) {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline().filename(name).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(content);
    }

    static <E extends Enum<E>> E parse(Class<E> type, String value) {
        try {
            return value == null ? null : Enum.valueOf(type, value);
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }

    static Money money(String amount) {
        if (amount == null || amount.isBlank()) {
            return null;
        }
        try {
            return Money.of(amount.strip().replace("$", ""));
        } catch (IllegalArgumentException notAnAmount) {
            throw BillingFailure.unprocessable("notAnAmount");
        }
    }
}
