package clinic.relief.insurance;

import java.time.LocalDate;

import clinic.relief.booking.AppointmentCompleted;
import clinic.relief.clinic.ClinicProfile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Drafts a claim when an insured visit is completed. Runs after booking's transaction commits, in its own, so a
 * claim that cannot be drafted never undoes the completion; the desk can draft it later from the claims page. Logs
 * ids only, never a diagnosis.
 */
@Component
class CompletedVisits {

    private static final Logger LOG = LoggerFactory.getLogger(CompletedVisits.class);

    private final ClaimDrafts drafts;
    private final java.time.ZoneId zone;
    private final TransactionTemplate transactions;

    CompletedVisits(ClaimDrafts drafts, ClinicProfile clinic, PlatformTransactionManager transactions) {
        this.drafts = drafts;
        this.zone = clinic.zone();
        this.transactions = new TransactionTemplate(transactions);
        this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(AppointmentCompleted completed) {
        LocalDate date = completed.start().atZone(zone).toLocalDate();
        try {
            Claim claim = transactions.execute(tx -> drafts.claimable(completed.patientId(), completed.serviceId(),
                    date) ? drafts.draft(completed.appointmentId()) : null);
            if (claim == null) {
                return;
            }
            LOG.info("Drafted claim {} for appointment {}", claim.number(), completed.appointmentId());
        } catch (RuntimeException failure) {
            LOG.warn("No claim drafted for appointment {}: {}", completed.appointmentId(),
                    failure.getClass().getSimpleName());
        }
    }
}
