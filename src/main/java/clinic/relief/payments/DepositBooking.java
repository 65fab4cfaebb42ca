package clinic.relief.payments;

import java.util.UUID;

import clinic.relief.booking.Booking;
import clinic.relief.booking.spi.OnlineDeposits;
import clinic.relief.shared.Money;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Payments' part of online booking: the deposit a service asks for (none without Stripe), noted with the hold, paid
 * on the portal's deposit page (a visitor who is not signed in, on {@link VisitorDepositPages} through a signed
 * link); and the sweep that ends holds whose time ran out.
 */
@Component
class DepositBooking implements OnlineDeposits {

    private final ServiceDeposits rules;
    private final Deposits deposits;
    private final Booking booking;
    private final VisitorDepositLinks links;

    DepositBooking(ServiceDeposits rules, Deposits deposits, Booking booking, VisitorDepositLinks links) {
        this.rules = rules;
        this.deposits = deposits;
        this.booking = booking;
        this.links = links;
    }

    @Override
    public Money depositFor(String serviceId, int minutes) {
        if (!rules.asked()) {
            return Money.ZERO;
        }
        DepositRule rule = rules.ruleFor(serviceId);
        return rule instanceof DepositRule.None
                ? Money.ZERO
                : rule.amountFor(booking.service(serviceId).price(minutes));
    }

    @Override
    public void held(UUID appointmentId, UUID patientId, Money amount) {
        deposits.held(appointmentId, patientId, amount);
    }

    @Override
    public String payPage(UUID appointmentId) {
        return "/account/deposits/" + appointmentId;
    }

    @Override
    public void heldForVisitor(UUID appointmentId, UUID placeholderId, Money amount) {
        deposits.heldForVisitor(appointmentId, placeholderId, amount);
    }

    @Override
    public String visitorPayPage(UUID appointmentId) {
        return VisitorDepositPages.PATH + "?token=" + links.issue(appointmentId);
    }

    @Scheduled(fixedDelayString = "${relief.payments.deposits.sweep-every:60s}", initialDelayString = "PT1M")
    void sweep() {
        if (rules.asked()) {
            deposits.sweep();
        }
    }
}
