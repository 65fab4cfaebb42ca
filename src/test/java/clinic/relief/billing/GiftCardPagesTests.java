package clinic.relief.billing;

import java.util.UUID;

import clinic.relief.ReliefTest;
import clinic.relief.patients.NewPatient;
import clinic.relief.patients.Patients;
import clinic.relief.shared.Money;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@ReliefTest
class GiftCardPagesTests {

    private static final RequestPostProcessor DESK = user("desk@example.com").roles("FRONT_DESK");

    @Autowired
    MockMvc mvc;

    @Autowired
    GiftCards giftCards;

    @Autowired
    Memberships memberships;

    @Autowired
    Invoices invoices;

    @Autowired
    Patients patients;

    @Test
    void theDeskSellsACardChecksItAndSpendsItOnAnInvoice() throws Exception {
        String code = "RELIEF-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        mvc.perform(post("/staff/billing/gift-cards")
                        .param("code", code)
                        .param("amount", "75")
                        .param("paidWith", "CASH")
                        .with(DESK)
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/staff/billing/gift-cards").param("card", code).with(DESK))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("$75.00")));

        UUID patient = patient();
        memberships.enrol(patient, "relief-monthly");
        UUID invoice = invoices.ofPatient(patient).get(0).id();
        mvc.perform(post("/staff/billing/invoices/{id}/payments", invoice)
                        .param("kind", "PAYMENT")
                        .param("method", "GIFT_CARD")
                        .param("amount", "79")
                        .param("giftCard", code)
                        .param("lang", "es")
                        .with(DESK)
                        .with(csrf()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("Es más que los 75,00")))
                .andExpect(
                        content().string(containsString("que quedan en la tarjeta de regalo. No se registró nada.")));
        mvc.perform(post("/staff/billing/invoices/{id}/payments", invoice)
                        .param("kind", "PAYMENT")
                        .param("method", "GIFT_CARD")
                        .param("amount", "70")
                        .param("giftCard", code.toLowerCase())
                        .with(DESK)
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());

        assertThat(invoices.get(invoice).balance()).isEqualTo(Money.of("9.00"));
        assertThat(giftCards.get(code).balance()).isEqualTo(Money.of("5.00"));
        mvc.perform(get("/staff/billing/patients/{id}", patient)
                        .param("choice", "swedish:60")
                        .param("giftCard", code)
                        .with(DESK))
                .andExpect(content().string(containsString("Gift card (balance $5.00)")));
    }

    @Test
    void aBadSaleIsRefusedInTheReadersLanguageWithNothingSold() throws Exception {
        String code = "BAD-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        mvc.perform(post("/staff/billing/gift-cards")
                        .param("code", code)
                        .param("amount", "-10")
                        .param("paidWith", "CASH")
                        .param("lang", "es")
                        .with(DESK)
                        .with(csrf()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("Una tarjeta de regalo lleva más de cero y como máximo")));
        for (String[] bad : new String[][] {{"abc", "CASH"}, {"1.234", "CASH"}, {"10", "HSA_FSA"}, {"10", "BITCOIN"}}) {
            mvc.perform(post("/staff/billing/gift-cards")
                            .param("code", code)
                            .param("amount", bad[0])
                            .param("paidWith", bad[1])
                            .with(DESK)
                            .with(csrf()))
                    .andExpect(status().isUnprocessableContent());
        }
        assertThat(giftCards.find(code)).isEmpty();
        mvc.perform(get("/staff/billing/gift-cards").param("card", code).with(DESK))
                .andExpect(content().string(containsString("No gift card has that code.")));
        mvc.perform(get("/staff/billing/gift-cards").with(user("t@example.com").roles("THERAPIST")))
                .andExpect(status().isForbidden());
    }

    private UUID patient() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        return patients.findOrCreate(
                        new NewPatient("Gus", "Card" + tag, "310 559 " + tag.substring(0, 4), null, null, "en"))
                .id();
    }
}
