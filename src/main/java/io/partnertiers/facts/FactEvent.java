package io.partnertiers.facts;

import java.time.LocalDate;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A dated fact that starts or stops counting for a measure, or a fiscal year that starts: what moves
 * a criterion on a day when nothing new is submitted. Only the fields that name the fact are present.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FactEvent(
        @Schema(enumeration = {FactEvent.CERTIFICATION_EARNED, FactEvent.CERTIFICATION_EXPIRES,
                FactEvent.REFERENCE_COUNTS, FactEvent.CSAT_ANSWER_COUNTS, FactEvent.CSAT_ANSWER_LEAVES_WINDOW,
                FactEvent.IMPLEMENTATION_COUNTS, FactEvent.IMPLEMENTATION_LEAVES_WINDOW, FactEvent.APP_CERTIFIED,
                FactEvent.DEAL_ENTERS_WINDOW, FactEvent.DEAL_LEAVES_WINDOW, FactEvent.SUCCESS_PLAN_OVERDUE,
                FactEvent.ADOPTION_MONTH_COUNTS, FactEvent.FISCAL_YEAR_STARTS})
        String kind,
        @Schema(description = "The fact's own date: the day a certification is earned or expires (it is valid through"
                + " that day), the date of a reference, CSAT answer or app certification, the day an implementation was"
                + " completed or a deal closed, the first day of an adoption month or of a fiscal year")
        LocalDate date,
        @Schema(description = "Certifications: the person's id")
        String person,
        @Schema(description = "Certifications: the certification's name")
        String certification,
        @Schema(description = "References and implementations: the customer")
        String customer,
        @Schema(description = "CSAT answers: the project")
        String project,
        @Schema(description = "Apps: the app's name")
        String app,
        @Schema(description = "Deals: the deal's id")
        String deal,
        @Schema(description = "The event in words, e.g. \"p-7's CSA (ITSM) expires on 2026-12-20\"")
        String summary) {

    public static final String CERTIFICATION_EARNED = "certification-earned";
    public static final String CERTIFICATION_EXPIRES = "certification-expires";
    public static final String REFERENCE_COUNTS = "reference-counts";
    public static final String CSAT_ANSWER_COUNTS = "csat-answer-counts";
    public static final String CSAT_ANSWER_LEAVES_WINDOW = "csat-answer-leaves-window";
    public static final String IMPLEMENTATION_COUNTS = "implementation-counts";
    public static final String IMPLEMENTATION_LEAVES_WINDOW = "implementation-leaves-window";
    public static final String APP_CERTIFIED = "app-certified";
    public static final String DEAL_ENTERS_WINDOW = "deal-enters-window";
    public static final String DEAL_LEAVES_WINDOW = "deal-leaves-window";
    public static final String SUCCESS_PLAN_OVERDUE = "success-plan-overdue";
    public static final String ADOPTION_MONTH_COUNTS = "adoption-month-counts";
    public static final String FISCAL_YEAR_STARTS = "fiscal-year-starts";

    static FactEvent of(String kind, LocalDate date, String summary) {
        return new FactEvent(kind, date, null, null, null, null, null, null, summary);
    }
}
