package org.yibaoflow.personnel;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.yibaoflow.personnel.MeasureMapper.KeyMonitoringEntry;
import org.yibaoflow.platform.AuditEntry;
import org.yibaoflow.platform.AuditService;
import org.yibaoflow.platform.RegionAccess;

/** The key monitoring list (重点监控名单, R-PERS-13, 004 §六(三)): who puts an institution on it, and reading it. */
@Service
public class KeyMonitoringService {

  private final MeasureMapper mapper;
  private final PersonnelService personnel;
  private final RegionAccess regions;
  private final AuditService audit;
  private final Clock clock;

  KeyMonitoringService(MeasureMapper mapper, PersonnelService personnel, RegionAccess regions, AuditService audit,
      Clock clock) {
    this.mapper = mapper;
    this.personnel = personnel;
    this.regions = regions;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * R-PERS-13: a 12-point violation ("一次性扣12分") or 3 or more other violations of the person in the cycle
   * (natural year) put the person's institutions on the key monitoring list, once per institution and year.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public void checkKeyMonitoring(Person person, int pointsYear) {
    List<Integer> year = mapper.deductionPointsOfYear(person.id(), pointsYear);
    String cause = year.stream().anyMatch(p -> p >= PersonnelScoringService.YEARLY_POINTS) ? "TWELVE_POINTS"
        : year.stream().filter(p -> p < PersonnelScoringService.YEARLY_POINTS).count() >= 3 ? "THREE_VIOLATIONS"
        : null;
    if (cause == null) {
      return;
    }
    Set<Long> sites = new LinkedHashSet<>();
    personnel.agreementsOfUnchecked(person.id()).forEach(a -> sites.add(a.institutionId()));
    for (long institutionId : sites) {
      if (mapper.listIfAbsent(person.region(), institutionId, pointsYear, person.id(), cause,
          OffsetDateTime.now(clock)) == 1) {
        audit.record(AuditEntry.of(person.region(), "INSTITUTION", String.valueOf(institutionId), "KEY_MONITORING_LISTED",
            null, null, "R-PERS-13", "相关人员 " + person.nationalCode() + " 本记分周期" + ("TWELVE_POINTS".equals(cause)
                ? "出现一次性扣12分的严重违规" : "违规3项以上") + "，列入重点监控名单", null, "year=" + pointsYear));
      }
    }
  }

  /** The key monitoring list of the user's regions, optionally one cycle (roles: docs/security.md). */
  @Transactional(readOnly = true)
  public List<KeyMonitoringEntry> keyMonitoring(Integer year) {
    List<String> visible = regions.visibleRegions();
    return visible.isEmpty() ? List.of() : mapper.keyMonitoring(visible, year);
  }
}
