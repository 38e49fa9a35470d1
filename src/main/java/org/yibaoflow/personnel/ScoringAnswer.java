package org.yibaoflow.personnel;

import java.time.LocalDate;

/**
 * The answer to a deduction (R-PERS-3/5/6): the points this inspection deducted, the person's total in the
 * natural year of the inspection, the band reached and its measure (NONE, INTERVIEW, SUSPEND_3_MONTHS,
 * SUSPEND_6_MONTHS, SUSPEND (months chosen by the caseworker), TERMINATE); {@code triggered} = this inspection
 * moved the person into a more severe band, and then {@code caseNo} is the personnel-scoring case it started.
 * {@code ruleSet} = the region's rule set (personnel/rule-sets.json).
 */
public record ScoringAnswer(String nationalCode, String inspectionRef, LocalDate inspectedOn, int pointsYear,
    int deducted, int total, int remaining, String band, String measure, int suspensionMonths, boolean triggered,
    String ruleSet, String caseNo) {
}
