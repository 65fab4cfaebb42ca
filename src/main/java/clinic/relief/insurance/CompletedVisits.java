package clinic.relief.insurance;

import java.time.LocalDate;
import java.time.ZoneId;

import clinic.relief.booking.AppointmentCompleted;
import clinic.relief.clinic.ClinicProfile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Drafts a claim when an insured visit is completed. Runs asynchronously after booking's transaction commits, in its
 * own, so a claim that cannot be drafted never undoes the completion; the desk can draft it later from the claims
 * page. A claim the rules refuse is logged and left to the desk; a database failure is thrown, so the event
 * publication registry keeps the event and hands it out again at the next start (drafting twice finds the claim
 * already there). Logs ids only, never a diagnosis.
 */
@Component
class CompletedVisits {

    private static final Logger LOG = LoggerFactory.getLogger(CompletedVisits.class);

    private final ClaimDrafts drafts;
    private final ZoneId zone;

    CompletedVisits(ClaimDrafts drafts, ClinicProfile clinic) {
        this.drafts = drafts;
        this.zone = clinic.zone();
    }

    @ApplicationModuleListener
    void on(AppointmentCompleted completed) {
        LocalDate date = completed.start().atZone(zone).toLocalDate();
        if (!drafts.claimable(completed.appointmentId(), completed.patientId(), completed.serviceId(), date)) {
            return;
        }
        try {
            Claim claim = drafts.draft(completed.appointmentId());
            LOG.info("Drafted claim {} for appointment {}", claim.number(), completed.appointmentId());
        } catch (DataAccessException failure) {
            throw failure;
        } catch (RuntimeException refused) {
            LOG.warn(
                    "No claim drafted for appointment {}: {}",
                    completed.appointmentId(),
                    refused.getClass().getSimpleName());
        }
    }
}
