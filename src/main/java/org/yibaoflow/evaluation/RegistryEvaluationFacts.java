package org.yibaoflow.evaluation;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import org.springframework.stereotype.Component;
import org.yibaoflow.calendar.WorkingDayCalendar;
import org.yibaoflow.institution.Agreement;
import org.yibaoflow.institution.AgreementState;
import org.yibaoflow.institution.Institution;

/**
 * The default {@link EvaluationFactsSource}: what the registry already records. Measures of the year are the
 * agreement's audited suspensions and terminations; agreement points (记分) are not recorded anywhere yet
 * (the enforcement feature will), so they count 0 here; licences are judged on 31 December of the year.
 */
@Component
class RegistryEvaluationFacts implements EvaluationFactsSource {

  private final EvaluationMapper mapper;
  private final Clock clock;

  RegistryEvaluationFacts(EvaluationMapper mapper, Clock clock) {
    this.mapper = mapper;
    this.clock = clock;
  }

  @Override
  public EvaluationFacts gather(Agreement agreement, Institution institution, int year) {
    OffsetDateTime from = LocalDateTime.of(year, 1, 1, 0, 0).atZone(WorkingDayCalendar.ZONE).toOffsetDateTime();
    OffsetDateTime to = from.plusYears(1);
    int measures = mapper.measuresInYear(String.valueOf(agreement.id()), from, to);
    Integer onRequestDays = null;
    if (agreement.state() == AgreementState.SUSPENDED && mapper.suspendedOnRequest(String.valueOf(agreement.id()))) {
      onRequestDays = (int) ChronoUnit.DAYS.between(agreement.stateSince().toLocalDate(), LocalDate.now(clock));
    }
    LocalDate judgedOn = LocalDate.of(year, 12, 31);
    boolean revoked = false;
    boolean expired = false;
    for (var l : mapper.licences(institution.id())) {
      revoked |= Boolean.TRUE.equals(l.revoked());
      expired |= !Boolean.TRUE.equals(l.revoked()) && !l.validOn(judgedOn);
    }
    return new EvaluationFacts(0, measures, agreement.suspensionCount(), agreement.state().name(), onRequestDays,
        revoked, expired, mapper.settlementAmount(institution.id(), year),
        mapper.personnelTotal(institution.id()), mapper.personnelSuspended(institution.id()));
  }
}
