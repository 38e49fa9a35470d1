package org.yibaoflow.inspection;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Progress of a region's yearly plan against its minimums (R-VIO-14 [000 §二(三)]): per institution and kind the
 * inspections done and required, and whether the institution will miss its minimum by year end: the inspections
 * still missing cannot all be done in the working days left when each takes the region's inspection period.
 * Pure; the figure the supervision page shows.
 */
public final class PlanProgress {

  private PlanProgress() {
  }

  public enum Kind { ROUTINE, SPECIAL, FLYING, YEAR_END }

  public record Row(long institutionId, String code, Kind kind, int done, int required, boolean atRisk) {

    public boolean met() {
      return done >= required;
    }
  }

  /**
   * @param done inspections completed per institution id
   * @param required the minimum per institution id (hospitals: routine-inspection-min; pharmacies: the region's
   *     frequency)
   * @param workingDaysLeft working days left in the plan's year
   * @param inspectionPeriod working days one inspection takes (the region's inspection period)
   */
  public static List<Row> of(Kind kind, Map<Long, String> codes, Map<Long, Integer> done, Map<Long, Integer> required,
      int workingDaysLeft, int inspectionPeriod) {
    List<Row> rows = new ArrayList<>();
    for (var e : required.entrySet()) {
      int d = done.getOrDefault(e.getKey(), 0);
      int missing = Math.max(0, e.getValue() - d);
      boolean atRisk = missing > 0 && (long) missing * inspectionPeriod > workingDaysLeft;
      rows.add(new Row(e.getKey(), codes.get(e.getKey()), kind, d, e.getValue(), atRisk));
    }
    rows.sort((a, b) -> Long.compare(a.institutionId(), b.institutionId()));
    return rows;
  }
}
