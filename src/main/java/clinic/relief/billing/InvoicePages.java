package clinic.relief.billing;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import clinic.relief.billing.spi.ReaderCharges;
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
 * receipt. A refused payment re-renders the page with 422 and the reason; nothing is written. A payment taken another
 * way while the card reader waits for the patient's card stops the reader first, as the desk checkout does
 * ({@link ReaderCharges}).
 */
@Controller
class InvoicePages {

    private final Invoices invoices;
    private final Payments payments;
    private final Patients patients;
    private final BillingDocuments documents;
    private final BillingViews views;
    private final BillingMail mail;
    private final List<ReaderCharges> readers;

    InvoicePages(
            Invoices invoices,
            Payments payments,
            Patients patients,
            BillingDocuments documents,
            BillingViews views,
            BillingMail mail,
            List<ReaderCharges> readers) {
        this.invoices = invoices;
        this.payments = payments;
        this.patients = patients;
        this.documents = documents;
        this.views = views;
        this.mail = mail;
        this.readers = readers;
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
            RecordPayment command = new RecordPayment(
                    id,
                    parse(Payment.Kind.class, kind),
                    parse(Payment.Method.class, method),
                    money(amount),
                    note,
                    giftCard);
            Money stopped = stopReader(command);
            Payment payment = payments.record(command, who.getName());
            if (stopped.isPositive()) {
                flash.addFlashAttribute("readerStopped", stopped.format(locale));
            }
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

    /**
     * A payment taken another way while the card reader waits for the patient's card (the desk checkout sent it): the
     * reader is stopped first, as at checkout, and what it was charging returned. Had the reader taken the card first,
     * that payment is recorded and this one refused; had Stripe not answered, the reader's charge still counts as under
     * way and billing refuses this one. Refunds, and a form billing refuses anyway, leave the reader alone.
     */
    private Money stopReader(RecordPayment command) {
        if (command.kind() != Payment.Kind.PAYMENT
                || command.method() == Payment.Method.CARD_ON_FILE
                || command.amount().compareTo(invoices.get(command.invoiceId()).balance()) > 0) {
            return Money.ZERO;
        }
        Money stopped = Money.ZERO;
        for (ReaderCharges reader : readers) {
            ReaderCharges.Stop stop = reader.stop(command.invoiceId());
            switch (stop.outcome()) {
                case STOPPED -> stopped = stopped.plus(stop.amount());
                case CARD_TAKEN -> throw BillingFailure.conflict("readerTookCard", stop.amount());
                case NONE_WAITING, NO_ANSWER -> {
                    // Nothing stopped: billing counts what is still under way.
                }
            }
        }
        return stopped;
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
