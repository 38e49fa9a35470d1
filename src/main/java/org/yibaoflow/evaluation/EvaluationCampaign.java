package org.yibaoflow.evaluation;

import java.time.OffsetDateTime;

/** The annual evaluation of one region and year (年度考核批次). */
public record EvaluationCampaign(Long id, String region, Integer evalYear, String status, Integer totalAgreements,
    Long lastAgreementId, Integer startedCount, Integer batches, String openedBy, OffsetDateTime openedAt,
    OffsetDateTime allStartedAt, Long version) {

  public static final String STARTING = "STARTING";
  public static final String ALL_STARTED = "ALL_STARTED";

  public String businessKey() {
    return businessKey(region, evalYear);
  }

  public static String businessKey(String region, int year) {
    return "EC-" + region + "-" + year;
  }
}
