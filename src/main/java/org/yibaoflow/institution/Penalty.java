package org.yibaoflow.institution;

import java.time.LocalDate;

/** An administrative penalty on record by the health, drug, price or market regulator [000 §二(一)]. */
public record Penalty(Long id, Long institutionId, String authority, LocalDate decidedOn, String description,
    Boolean serious) {
}
