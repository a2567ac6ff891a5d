package io.partnertiers.measures;

import java.time.LocalDate;

/**
 * Whether a closed deal's customer success plan came on time: uploaded no later than
 * {@code days} after closing. A deal still inside that period without a plan is not late yet.
 */
public final class SuccessPlans {

    private SuccessPlans() {
    }

    /**
     * @param uploadedOn the upload day, or null when no plan was uploaded by {@code asOf}
     */
    public static boolean isLate(LocalDate closedOn, LocalDate uploadedOn, int days, LocalDate asOf) {
        LocalDate deadline = closedOn.plusDays(days);
        if (uploadedOn != null) {
            return uploadedOn.isAfter(deadline);
        }
        return asOf.isAfter(deadline);
    }
}
