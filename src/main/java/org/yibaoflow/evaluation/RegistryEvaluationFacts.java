package org.yibaoflow.evaluation;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import org.springframework.stereotype.Component;
import org.yibaoflow.calendar.WorkingDayCalendar;
import org.yibaoflow.enforcement.AgreementPointsService;
import org.yibaoflow.enforcement.ViolationCaseQueries;
import org.yibaoflow.institution.Agreement;
import org.yibaoflow.institution.AgreementCauses;
import org.yibaoflow.institution.InstitutionService;
import org.yibaoflow.personnel.PersonnelService;
import org.yibaoflow.personnel.PersonnelShareService;
import org.yibaoflow.institution.AgreementState;
import org.yibaoflow.institution.Institution;

/**
 * The {@link EvaluationFactsSource}: what the registry and the enforcement and personnel features record, each
 * through its own service. Agreement points (记分, R-EVA-3) are the year's sum of the agreement-points ledger
 * (violation-case decisions that took effect in the year, {@link AgreementPointsService}). Measures of the year
 * (R-EVA-1/3) come from the domain rows, never from the audit log: the violation cases' measures of the
 * agreement ({@link ViolationCaseQueries#measuresOfAgreement}) and the institution's suspensions or terminations
 * for its personnel share (R-PERS-10, {@link PersonnelShareService#institutionMeasuresInYear}). A transition
 * outside any process (an administrator's data correction, issue 13) is no measure. Licences are judged on
 * 31 December of the year.
 */
@Component
class RegistryEvaluationFacts implements EvaluationFactsSource {

  private final EvaluationMapper mapper;
  private final AgreementPointsService points;
  private final ViolationCaseQueries cases;
  private final PersonnelShareService share;
  private final AgreementCauses causes;
  private final InstitutionService institutions;
  private final PersonnelService personnel;
  private final Clock clock;

  RegistryEvaluationFacts(EvaluationMapper mapper, AgreementPointsService points, ViolationCaseQueries cases,
      PersonnelShareService share, AgreementCauses causes, InstitutionService institutions, PersonnelService personnel,
      Clock clock) {
    this.mapper = mapper;
    this.points = points;
    this.cases = cases;
    this.share = share;
    this.causes = causes;
    this.institutions = institutions;
    this.personnel = personnel;
    this.clock = clock;
  }

  @Override
  public EvaluationFacts gather(Agreement agreement, Institution institution, int year) {
    OffsetDateTime from = LocalDateTime.of(year, 1, 1, 0, 0).atZone(WorkingDayCalendar.ZONE).toOffsetDateTime();
    OffsetDateTime to = from.plusYears(1);
    AgreementPointsService.YearTotal ledger = points.yearOf(agreement.id(), year);
    int measures = cases.measuresOfAgreement(agreement.id(), from, to)
        + share.institutionMeasuresInYear(institution.id(), year);
    Integer onRequestDays = null;
    // each feature answers through its service: the registry keeps the cause of the state (no audit text parsed)
    if (causes.suspendedOnRequest(agreement)) {
      onRequestDays = (int) ChronoUnit.DAYS.between(agreement.stateSince().toLocalDate(), LocalDate.now(clock));
    }
    LocalDate judgedOn = LocalDate.of(year, 12, 31);
    PersonnelService.SiteCounts site = personnel.countsAt(institution.id());
    boolean revoked = false;
    boolean expired = false;
    for (var l : institutions.licencesOf(institution.id())) {
      revoked |= Boolean.TRUE.equals(l.revoked());
      expired |= !Boolean.TRUE.equals(l.revoked()) && !l.validOn(judgedOn);
    }
    return new EvaluationFacts(ledger.points(), measures, agreement.suspensionCount(), agreement.state().name(), onRequestDays,
        revoked, expired, mapper.settlementAmount(institution.id(), year), site.total(), site.suspendedOrTerminated());
  }
}
