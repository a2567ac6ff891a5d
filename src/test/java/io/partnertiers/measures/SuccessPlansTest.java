package io.partnertiers.measures;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class SuccessPlansTest {

    private static final LocalDate CLOSED = LocalDate.of(2026, 6, 1);

    @Test
    void shouldAcceptAPlanUploadedOnDay90AndRejectOneOnDay91() {
        LocalDate asOf = CLOSED.plusDays(200);
        assertFalse(SuccessPlans.isLate(CLOSED, CLOSED.plusDays(90), 90, asOf));
        assertTrue(SuccessPlans.isLate(CLOSED, CLOSED.plusDays(91), 90, asOf));
    }

    @Test
    void shouldNotCallAMissingPlanLateBeforeTheDeadlinePasses() {
        assertFalse(SuccessPlans.isLate(CLOSED, null, 90, CLOSED.plusDays(89)));
        assertFalse(SuccessPlans.isLate(CLOSED, null, 90, CLOSED.plusDays(90)));
        assertTrue(SuccessPlans.isLate(CLOSED, null, 90, CLOSED.plusDays(91)));
    }

    @Test
    void shouldAcceptAPlanUploadedBeforeClosing() {
        assertFalse(SuccessPlans.isLate(CLOSED, CLOSED.minusDays(3), 90, CLOSED.plusDays(200)));
    }
}
