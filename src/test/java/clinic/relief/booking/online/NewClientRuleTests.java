package clinic.relief.booking.online;

import java.util.stream.Stream;

import clinic.relief.booking.Appointment;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static clinic.relief.booking.Appointment.Source.FRONT_DESK;
import static clinic.relief.booking.Appointment.Source.ONLINE;
import static clinic.relief.booking.online.NewClientSettings.Mode.APPROVE;
import static clinic.relief.booking.online.NewClientSettings.Mode.INSTANT;
import static org.assertj.core.api.Assertions.assertThat;

/** The rule table: only a new client's online booking, in approve mode, waits for the front desk. */
class NewClientRuleTests {

    static Stream<Arguments> table() {
        return Stream.of(
                Arguments.of(INSTANT, ONLINE, false, false),
                Arguments.of(INSTANT, ONLINE, true, false),
                Arguments.of(INSTANT, FRONT_DESK, false, false),
                Arguments.of(INSTANT, FRONT_DESK, true, false),
                Arguments.of(APPROVE, ONLINE, false, true),
                Arguments.of(APPROVE, ONLINE, true, false),
                Arguments.of(APPROVE, FRONT_DESK, false, false),
                Arguments.of(APPROVE, FRONT_DESK, true, false));
    }

    @ParameterizedTest(name = "{0}, {1}, returning={2}: approval {3}")
    @MethodSource("table")
    void onlyANewClientBookingOnlineInApproveModeWaits(
            NewClientSettings.Mode mode, Appointment.Source source, boolean returning, boolean waits) {
        assertThat(new NewClientSettings(mode).needsApproval(source, returning)).isEqualTo(waits);
    }
}
