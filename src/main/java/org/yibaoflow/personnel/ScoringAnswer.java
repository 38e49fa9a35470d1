package org.yibaoflow.personnel;

import java.time.LocalDate;

/**
 * The answer to a deduction (R-PERS-3/5/6): the points this inspection deducted, the person's total in the
 * natural year of the inspection, the band reached and its measure (NONE, INTERVIEW, SUSPEND_3_MONTHS,
 * SUSPEND_6_MONTHS, TERMINATE); {@code triggered} = this inspection moved the person into a more severe band.
 */
public record ScoringAnswer(String nationalCode, String inspectionRef, LocalDate inspectedOn, int pointsYear,
    int deducted, int total, int remaining, String band, String measure, int suspensionMonths, boolean triggered) {
}
