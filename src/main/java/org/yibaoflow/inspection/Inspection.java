package org.yibaoflow.inspection;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;

/** One planned inspection of the yearly plan (R-VIO-14): its kind, institution, inspectors, due date, findings. */
public record Inspection(Long id, long planId, String inspectionNo, String kind, String slot, Long institutionId,
    int batchNo, String drawReason, String inspectors, LocalDate dueOn, String status, String abnormalIndicators,
    String documentNo, String violationCodes, String deductionCodes, String personCode, String note,
    Boolean materialsPassed, String caseNo, String inspectedBy, OffsetDateTime completedAt) {

  public static final String PLANNED = "PLANNED";
  public static final String DONE = "DONE";

  /** The kinds, with the violation case's source their findings open (R-VIO-1) and the Chinese name. */
  public enum Kind {
    ROUTINE("ROUTINE_INSPECTION", "日常检查"),
    SPECIAL("SPECIAL_INSPECTION", "专项检查"),
    FLYING("FLYING_INSPECTION", "飞行检查"),
    YEAR_END("YEAR_END_INSPECTION", "年终检查（材料审查）"),
    YEAR_END_ON_SITE("YEAR_END_INSPECTION", "年终现场检查");

    private final String caseSource;
    private final String nameZh;

    Kind(String caseSource, String nameZh) {
      this.caseSource = caseSource;
      this.nameZh = nameZh;
    }

    public String caseSource() {
      return caseSource;
    }

    public String nameZh() {
      return nameZh;
    }
  }

  public Kind kindEnum() {
    return Kind.valueOf(kind);
  }

  public List<String> inspectorList() {
    return Arrays.stream(inspectors.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }
}
