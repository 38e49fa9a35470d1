package org.yibaoflow.personnel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.RETURNS_SELF;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.MessageCorrelationBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.http.HttpStatus;
import org.yibaoflow.calendar.Deadlines;
import org.yibaoflow.calendar.WorkingDayCalendar;
import org.yibaoflow.institution.Agreement;
import org.yibaoflow.institution.AgreementService;
import org.yibaoflow.institution.AgreementState;
import org.yibaoflow.institution.Institution;
import org.yibaoflow.institution.InstitutionService;
import org.yibaoflow.institution.RegionSetting;
import org.yibaoflow.institution.RegionSettingsService;
import org.yibaoflow.institution.TransitionCommand;
import org.yibaoflow.personnel.PointsMapper.Inspection;
import org.yibaoflow.platform.AuditService;
import org.yibaoflow.platform.CaseNumbers;
import org.yibaoflow.platform.DomainRuleException;
import org.yibaoflow.platform.EngineAsApplication;
import org.yibaoflow.platform.RegionAccess;

/**
 * The measures of the personnel-scoring process on mocks: replacement by a higher band (R-PERS-7), restoration
 * at expiry, the re-sign bars of the rule sets (R-PERS-8), objections that change or revoke (R-PERS-12), the
 * 30 % ripple (R-PERS-10), the key monitoring list (R-PERS-13), payable (R-PERS-9), the yearly test (R-PERS-2).
 */
class PersonnelMeasureServiceTest {

  /** Wednesday 2026-06-10 10:00 Asia/Shanghai. */
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-10T02:00:00Z"), WorkingDayCalendar.ZONE);
  static final LocalDate TODAY = LocalDate.of(2026, 6, 10);
  static final Person PERSON = new Person(7L, "jining", "D3708110001", "370811197606110011", "张伟", "PHYSICIAN",
      LocalDate.of(1976, 6, 11), null);

  final MeasureMapper mapper = mock(MeasureMapper.class);
  final PointsMapper points = mock(PointsMapper.class);
  final PersonnelService personnel = mock(PersonnelService.class);
  final PersonnelRuleSetMapper ruleSetMapper = mock(PersonnelRuleSetMapper.class);
  final DecisionService decisions = mock(DecisionService.class);
  final EngineAsApplication engine = mock(EngineAsApplication.class);
  final InstitutionService institutions = mock(InstitutionService.class);
  final AgreementService agreements = mock(AgreementService.class);
  final RegionSettingsService settings = mock(RegionSettingsService.class);
  final CaseNumbers caseNumbers = mock(CaseNumbers.class);
  final RuntimeService runtime = mock(RuntimeService.class);
  final MessageCorrelationBuilder correlation = mock(MessageCorrelationBuilder.class, RETURNS_SELF);
  final RegionAccess regions = mock(RegionAccess.class);
  final AuditService audit = mock(AuditService.class);
  final PersonnelRuleSets ruleSets = new PersonnelRuleSets(ruleSetMapper);
  final PersonnelMeasureService measures = new PersonnelMeasureService(mapper, personnel, ruleSets, settings,
      caseNumbers, runtime, engine, audit, CLOCK);
  final PersonnelObjectionService objections = new PersonnelObjectionService(mapper, points, measures, ruleSets,
      new PersonnelMeasuresDecision(points, decisions, engine), audit, CLOCK);
  final PersonnelMeasureEffects effects = new PersonnelMeasureEffects(mapper, measures, personnel, ruleSets,
      Deadlines.withShippedArrangements(CLOCK), runtime, engine, audit, CLOCK);
  final PersonnelShareService share = new PersonnelShareService(mapper, measures, personnel, institutions, agreements,
      settings, audit, CLOCK);
  final KeyMonitoringService keyMonitoring = new KeyMonitoringService(mapper, personnel, regions, audit, CLOCK);
  final PersonnelPayability payability = new PersonnelPayability(mapper, personnel);
  final PersonnelTestService tests = new PersonnelTestService(mapper, personnel, ruleSets, caseNumbers, runtime,
      engine, audit, CLOCK);

  @BeforeEach
  @SuppressWarnings("unchecked")
  void setUp() {
    when(engine.call(any())).thenAnswer(inv -> ((Supplier<Object>) inv.getArgument(0)).get());
    when(engine.callInRegion(any(), any())).thenAnswer(inv -> ((Supplier<Object>) inv.getArgument(1)).get());
    doAnswer(inv -> {
      ((Runnable) inv.getArgument(0)).run();
      return null;
    }).when(engine).run(any());
    when(runtime.createMessageCorrelation(anyString())).thenReturn(correlation);
    when(decisions.evaluateDecisionTableByKey(eq("personnel-measures"), anyMap()))
        .thenAnswer(inv -> PersonnelMeasuresDmnTest.ENGINE.evaluateDecisionTable(PersonnelMeasuresDmnTest.DECISION,
            (Map<String, Object>) inv.getArgument(1)));
    when(settings.value("jining", RegionSetting.PERSONNEL_SUSPENSION_SHORT)).thenReturn(3);
    when(settings.value("jining", RegionSetting.PERSONNEL_SUSPENSION_LONG)).thenReturn(6);
    when(settings.value("jining", RegionSetting.PERSONNEL_INSTITUTION_THRESHOLD)).thenReturn(30);
    when(settings.value("jining", RegionSetting.PERSONNEL_FAILED_TEST_BAR)).thenReturn(1);
    when(personnel.personUnchecked(7L)).thenReturn(PERSON);
    when(personnel.visibleByCode(PERSON.nationalCode())).thenReturn(PERSON);
  }

  static PersonnelMeasure measure(String caseNo, String measure, String status, Integer months, LocalDate effectiveOn,
      LocalDate until) {
    return new PersonnelMeasure(1L, caseNo, "jining", 7L, 70L, "SEED_004", 2026, 9, "9-11", measure, false, status,
        months, TODAY, effectiveOn, until, null, null, null, null, null, "pi-" + caseNo, OffsetDateTime.now(CLOCK));
  }

  static PersonAgreement agreement(long id, long site, String state, LocalDate until, boolean follows) {
    return new PersonAgreement(id, 7L, site, "医院" + site, "jining", state, TODAY.minusYears(1), TODAY.plusYears(1),
        until, null, follows, OffsetDateTime.now(CLOCK).minusDays(10), 0L, null);
  }

  @Test
  void aHigherBandDuringASuspensionStartsFromTheNewDecisionAndReplacesTheRunningOne() {
    PersonnelMeasure running = measure("RY-1", "SUSPEND_3_MONTHS", "SUSPENDED", 3, TODAY.minusMonths(1),
        LocalDate.of(2026, 8, 10));
    PersonnelMeasure higher = measure("RY-2", "SUSPEND_6_MONTHS", "NOTIFIED", 6, null, null);
    when(mapper.find("RY-2")).thenReturn(higher,
        measure("RY-2", "SUSPEND_6_MONTHS", "SUSPENDED", 6, TODAY, LocalDate.of(2026, 12, 10)));
    when(mapper.ofPerson(7L)).thenReturn(List.of(running, higher));
    when(personnel.agreementsOfUnchecked(7L)).thenReturn(List.of(
        agreement(11, 1, "SUSPENDED", LocalDate.of(2026, 8, 10), false), agreement(12, 2, "SUSPENDED", null, true),
        agreement(13, 3, "TERMINATED", null, true)));

    Date end = effects.suspend("RY-2", "pi-2");

    // six months from the new decision: last day Thursday 2026-12-10, the timer at its end (24:00 Asia/Shanghai)
    assertThat(end).isEqualTo(Date.from(OffsetDateTime.parse("2026-12-11T00:00:00+08:00").toInstant()));
    verify(mapper).ended("RY-1", PersonnelMeasure.REPLACED, TODAY, "RY-2");
    verify(runtime).createMessageCorrelation(PersonnelMeasureService.MESSAGE_REPLACED);
    verify(correlation).processInstanceBusinessKey("RY-1");
    verify(correlation).correlateAll();
    verify(personnel).suspend(eq(11L), eq(LocalDate.of(2026, 12, 10)), eq("R-PERS-6"), anyString(), eq("pi-2"));
    verify(personnel).suspend(eq(12L), eq(LocalDate.of(2026, 12, 10)), eq("R-PERS-6"), anyString(), eq("pi-2"));
    verify(personnel, never()).suspend(eq(13L), any(), anyString(), anyString(), anyString());
    verify(mapper).suspended("RY-2", TODAY, LocalDate.of(2026, 12, 10));
  }

  @Test
  void aLowerBandThatComesOutOfItsObjectionAfterAHigherOneTookEffectSuspendsNothing() {
    when(mapper.find("RY-1")).thenReturn(measure("RY-1", "SUSPEND_3_MONTHS", "NOTIFIED", 3, null, null));
    when(mapper.ofPerson(7L)).thenReturn(List.of(measure("RY-1", "SUSPEND_3_MONTHS", "NOTIFIED", 3, null, null),
        measure("RY-2", "SUSPEND_6_MONTHS", "SUSPENDED", 6, TODAY, LocalDate.of(2026, 12, 10))));
    Date end = effects.suspend("RY-1", "pi-1");
    assertThat(end).isBeforeOrEqualTo(Date.from(Instant.now(CLOCK)));
    verify(mapper).changeStatus("RY-1", PersonnelMeasure.NOTIFIED, PersonnelMeasure.REPLACED);
    verify(personnel, never()).suspend(anyLong(), any(), anyString(), anyString(), anyString());
    verify(mapper, never()).ended(eq("RY-2"), anyString(), any(), any());
  }

  @Test
  void aRetriedSuspensionJobChangesNothingAndAnswersTheSameExpiry() {
    when(mapper.find("RY-2")).thenReturn(measure("RY-2", "SUSPEND_6_MONTHS", "SUSPENDED", 6, TODAY,
        LocalDate.of(2026, 12, 10)));
    assertThat(effects.suspend("RY-2", "pi-2"))
        .isEqualTo(Date.from(OffsetDateTime.parse("2026-12-11T00:00:00+08:00").toInstant()));
    verify(personnel, never()).suspend(anyLong(), any(), anyString(), anyString(), anyString());
  }

  @Test
  void atExpiryOnlyTheAgreementsThisCaseSuspendedAreRestored() {
    LocalDate until = LocalDate.of(2026, 9, 10);
    when(mapper.find("RY-1")).thenReturn(measure("RY-1", "SUSPEND_3_MONTHS", "SUSPENDED", 3, TODAY, until));
    when(personnel.agreementsOfUnchecked(7L)).thenReturn(List.of(agreement(11, 1, "SUSPENDED", until, false),
        agreement(12, 2, "SUSPENDED", null, true), agreement(14, 4, "SUSPENDED", LocalDate.of(2026, 12, 1), false)));

    assertThat(effects.restore("RY-1", "pi-1")).isTrue();

    verify(personnel).restore(eq(11L), eq("R-PERS-7"), anyString(), eq("pi-1"));
    verify(personnel, never()).restore(eq(12L), anyString(), anyString(), anyString());
    verify(personnel, never()).restore(eq(14L), anyString(), anyString(), anyString());
    verify(mapper).ended("RY-1", PersonnelMeasure.RESTORED, TODAY, null);
  }

  @Test
  void aReplacedSuspensionsTimerRestoresNothing() {
    when(mapper.find("RY-1")).thenReturn(measure("RY-1", "SUSPEND_3_MONTHS", "REPLACED", 3, TODAY, TODAY));
    assertThat(effects.restore("RY-1", "pi-1")).isFalse();
    verify(personnel, never()).restore(anyLong(), anyString(), anyString(), anyString());
  }

  @Test
  void theReSignBarFollowsSeverityPerRuleSet() {
    PersonnelRuleSets.RuleSet seed = ruleSets.byKey("SEED_004").orElseThrow();
    PersonnelRuleSets.RuleSet graded = ruleSets.byKey("GRADED_12").orElseThrow();
    // R-PERS-8 [004 §五(二)] 1-2 years by severity; the graded set: 1 year cumulatively, 3 for one incident
    assertThat(seed.barYears("12", false)).isEqualTo(1);
    assertThat(seed.barYears("12", true)).isEqualTo(2);
    assertThat(seed.barYears("3x9", false)).isEqualTo(2);
    assertThat(graded.barYears("12", false)).isEqualTo(1);
    assertThat(graded.barYears("12", true)).isEqualTo(3);
    assertThat(ruleSets.of("jining").key()).isEqualTo("SEED_004");
    when(ruleSetMapper.ruleSetOf("huaibei")).thenReturn("GRADED_12");
    assertThat(ruleSets.of("huaibei").gradedPoints()).isTrue();
    assertThat(ruleSets.of("huaibei").grade(3).orElseThrow()).isEqualTo(new PersonnelRuleSets.Grade(3, 4, 6));
  }

  @Test
  void terminationAppliesTheBarToEverySiteAndEndsARunningSuspension() {
    PersonnelMeasure single = new PersonnelMeasure(1L, "RY-3", "jining", 7L, 70L, "SEED_004", 2026, 21, "12",
        "TERMINATE", true, "NOTIFIED", null, TODAY, null, null, null, null, null, null, null, null, null);
    when(mapper.find("RY-3")).thenReturn(single, single);
    when(mapper.ofPerson(7L)).thenReturn(List.of(measure("RY-2", "SUSPEND_6_MONTHS", "SUSPENDED", 6, TODAY, TODAY)));
    when(personnel.agreementsOfUnchecked(7L)).thenReturn(List.of(agreement(11, 1, "SUSPENDED", TODAY, false),
        agreement(12, 2, "TERMINATED", null, true)));
    effects.terminate("RY-3", "pi-3");
    verify(personnel).terminate(eq(11L), eq(LocalDate.of(2028, 6, 10)), eq("R-PERS-8"), anyString(), eq("pi-3"));
    verify(personnel).terminate(eq(12L), eq(LocalDate.of(2028, 6, 10)), eq("R-PERS-8"), anyString(), eq("pi-3"));
    verify(mapper).terminated("RY-3", TODAY, LocalDate.of(2028, 6, 10));
    verify(mapper).ended("RY-2", PersonnelMeasure.REPLACED, TODAY, "RY-3");
  }

  @Test
  void anObjectionThatChangesTheDecisionCorrectsTheLedgerAndRereadsTheBand() {
    when(mapper.find("RY-2")).thenReturn(measure("RY-2", "SUSPEND_6_MONTHS", "NOTIFIED", 6, null, null));
    when(points.findInspectionById(70L)).thenReturn(new Inspection(70L, 7L, "JC-2", TODAY, 2026, 3, 9, "9-11",
        "SUSPEND_6_MONTHS", true, null));
    // after the correction the year's total is 7 (9 - 3 + 1): back in the 6-8 band
    when(points.yearTotal(7L, 2026)).thenReturn(7);

    assertThat(objections.change("RY-2", "YY-1", 1, null, "仅一项违规成立", "pi-2")).isEqualTo("SUSPEND_3_MONTHS");

    verify(mapper).insertAdjustment(eq(7L), eq(70L), eq(2026), eq(-2), eq("RY-2"), anyString(), any());
    verify(mapper).changed("RY-2", "YY-1", 7, "6-8", "SUSPEND_3_MONTHS", 3, PersonnelMeasure.NOTIFIED);
  }

  @Test
  void aChangeBelowTheBandsLeavesNoMeasureAndOutOfRangePointsAreRefused() {
    when(mapper.find("RY-2")).thenReturn(measure("RY-2", "SUSPEND_3_MONTHS", "NOTIFIED", 3, null, null));
    when(points.findInspectionById(70L)).thenReturn(new Inspection(70L, 7L, "JC-2", TODAY, 2026, 6, 6, "6-8",
        "SUSPEND_3_MONTHS", true, null));
    when(points.yearTotal(7L, 2026)).thenReturn(0);
    assertThatThrownBy(() -> objections.change("RY-2", "YY-1", 7, null, "多扣", "pi-2"))
        .isInstanceOfSatisfying(DomainRuleException.class, e -> {
          assertThat(e.status()).isEqualTo(HttpStatus.BAD_REQUEST);
          assertThat(e.field()).isEqualTo("adjustedPoints");
          assertThat(e.rule()).isEqualTo("R-PERS-12");
        });
    assertThat(objections.change("RY-2", "YY-1", 0, null, "违规不成立", "pi-2")).isEqualTo("NONE");
    verify(mapper).changed("RY-2", "YY-1", 0, "0-4", "NONE", null, PersonnelMeasure.NO_MEASURE);
  }

  @Test
  void aRevokedDecisionTakesTheInspectionOutOfTheLedgerOnce() {
    when(mapper.find("RY-2")).thenReturn(measure("RY-2", "SUSPEND_3_MONTHS", "NOTIFIED", 3, null, null));
    when(points.findInspectionById(70L)).thenReturn(new Inspection(70L, 7L, "JC-2", TODAY, 2026, 6, 6, "6-8",
        "SUSPEND_3_MONTHS", true, null));
    when(mapper.changeStatus("RY-2", "NOTIFIED", "REVOKED")).thenReturn(1);
    objections.revoke("RY-2", "YY-1", "pi-2");
    verify(mapper).insertAdjustment(eq(7L), eq(70L), eq(2026), eq(-6), eq("RY-2"), anyString(), any());
    when(mapper.adjustmentExists("RY-2")).thenReturn(1);
    objections.revoke("RY-2", "YY-1", "pi-2");
    verify(mapper).insertAdjustment(anyLong(), anyLong(), anyInt(), anyInt(), anyString(), anyString(), any());
  }

  @Test
  void thirtyPercentOfTheSitesPersonnelSuspendedOrTerminatedProposesAMeasureOnce() {
    when(mapper.find("RY-1")).thenReturn(measure("RY-1", "SUSPEND_3_MONTHS", "SUSPENDED", 3, TODAY, TODAY));
    when(personnel.agreementsOfUnchecked(7L)).thenReturn(List.of(agreement(11, 1, "SUSPENDED", TODAY, false),
        agreement(12, 2, "SUSPENDED", TODAY, false)));
    when(mapper.personnelAt(1L)).thenReturn(10);
    when(mapper.affectedAt(1L, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31))).thenReturn(2);
    when(mapper.personnelAt(2L)).thenReturn(10);
    when(mapper.affectedAt(2L, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31))).thenReturn(3);
    when(institutions.find(2L)).thenReturn(new Institution(2L, "jining", "H1", "济宁某医院", "HOSPITAL", "c", "二级",
        null, null));
    when(mapper.insertProposalIfAbsent(eq("jining"), eq(2L), eq(2026), eq(3), eq(10), eq("RY-1"), any()))
        .thenReturn(1, 0);

    PersonnelShareService.Threshold t = share.nextThreshold("RY-1", "pi-1");
    // 2 of 10 = 20 % at site 1: nothing; 3 of 10 = 30 % at site 2: the supervisor is asked
    assertThat(t.institutionId()).isEqualTo(2L);
    assertThat(t.summaryZh()).contains("10 名相关人员中 3 名").contains("30%");
    assertThat(share.nextThreshold("RY-1", "pi-1")).isNull();
  }

  @Test
  void theSupervisorsDecisionSuspendsTheInstitutionsAgreementForThePersonnelThreshold() {
    when(mapper.find("RY-1")).thenReturn(measure("RY-1", "SUSPEND_3_MONTHS", "SUSPENDED", 3, TODAY, TODAY));
    when(mapper.decideProposal(2L, 2026, "SUSPEND", "集中违规")).thenReturn(1, 0);
    Agreement inForce = mock(Agreement.class);
    when(inForce.id()).thenReturn(55L);
    when(inForce.state()).thenReturn(AgreementState.ACTIVE);
    when(agreements.ofInstitutionUnchecked(2L)).thenReturn(List.of(inForce));

    share.decideInstitution("RY-1", 2L, "SUSPEND", "集中违规", "pi-1");
    share.decideInstitution("RY-1", 2L, "SUSPEND", "集中违规", "pi-1");

    ArgumentCaptor<TransitionCommand> command = ArgumentCaptor.forClass(TransitionCommand.class);
    verify(agreements).transition(eq(55L), command.capture());
    assertThat(command.getValue().to()).isEqualTo(AgreementState.SUSPENDED);
    assertThat(command.getValue().cause()).isEqualTo("PERSONNEL_THRESHOLD");
    assertThat(command.getValue().ruleId()).isEqualTo("R-PERS-10");
    assertThatThrownBy(() -> share.decideInstitution("RY-1", 2L, "MAYBE", "x", "pi-1"))
        .hasFieldOrPropertyWithValue("field", "institutionProposal");
  }

  @Test
  void aTwelvePointViolationOrThreeOthersInTheCycleListTheSites() {
    when(personnel.agreementsOfUnchecked(7L)).thenReturn(List.of(agreement(11, 1, "ACTIVE", null, false),
        agreement(12, 2, "ACTIVE", null, false)));
    when(mapper.deductionPointsOfYear(7L, 2026)).thenReturn(List.of(1, 3));
    keyMonitoring.checkKeyMonitoring(PERSON, 2026);
    verify(mapper, never()).listIfAbsent(anyString(), anyLong(), anyInt(), anyLong(), anyString(), any());

    when(mapper.deductionPointsOfYear(7L, 2026)).thenReturn(List.of(1, 3, 1));
    keyMonitoring.checkKeyMonitoring(PERSON, 2026);
    verify(mapper).listIfAbsent(eq("jining"), eq(1L), eq(2026), eq(7L), eq("THREE_VIOLATIONS"), any());
    verify(mapper).listIfAbsent(eq("jining"), eq(2L), eq(2026), eq(7L), eq("THREE_VIOLATIONS"), any());

    when(mapper.deductionPointsOfYear(7L, 2027)).thenReturn(List.of(12));
    keyMonitoring.checkKeyMonitoring(PERSON, 2027);
    verify(mapper).listIfAbsent(eq("jining"), eq(1L), eq(2027), eq(7L), eq("TWELVE_POINTS"), any());
  }

  @Test
  void theExamFormFollowsTheAgeOnTheTestDate() {
    // born 1976-06-11: 49 on 2026-06-10 (closed book), 50 on 2026-06-11 (open book) [004 §三(三)]
    assertThat(PersonnelTestService.examForm(PERSON.birthDate(), TODAY)).isEqualTo(PersonTest.CLOSED_BOOK);
    assertThat(PersonnelTestService.examForm(PERSON.birthDate(), TODAY.plusDays(1))).isEqualTo(PersonTest.OPEN_BOOK);
  }

  /** Issue 13 / R-PERS-2: the test's record changes no agreement; it opens the case and starts the process. */
  @Test
  @SuppressWarnings("unchecked")
  void aFailedTestTerminatesNothingItselfButStartsThePersonnelProcess() {
    when(caseNumbers.next("RY", "jining")).thenReturn("RY-9");
    when(mapper.findTest(7L, TODAY)).thenReturn(null,
        new PersonTest(1L, 7L, TODAY, PersonTest.CLOSED_BOOK, 49, false, 40, null));
    when(mapper.ofPerson(7L)).thenReturn(List.of());
    when(personnel.agreementsOfUnchecked(7L)).thenReturn(List.of(agreement(11, 1, "ACTIVE", null, false)));
    org.camunda.bpm.engine.runtime.ProcessInstance started = mock(org.camunda.bpm.engine.runtime.ProcessInstance.class);
    when(started.getId()).thenReturn("pi-9");
    when(correlation.correlateStartMessage()).thenReturn(started);

    PersonnelTestService.Recorded<PersonnelTestService.TestResult> r = tests.recordTest(
        PERSON.nationalCode(), TODAY, false, 40, "年度测试");

    assertThat(r.created()).isTrue();
    assertThat(r.value().test().examForm()).isEqualTo(PersonTest.CLOSED_BOOK);
    verify(personnel, never()).terminate(anyLong(), any(), anyString(), anyString(), any());
    verify(personnel, never()).suspend(anyLong(), any(), anyString(), anyString(), any());
    ArgumentCaptor<PersonTest> saved = ArgumentCaptor.forClass(PersonTest.class);
    verify(mapper).insertTest(saved.capture());
    assertThat(saved.getValue().age()).isEqualTo(49);
    ArgumentCaptor<PersonnelMeasure> m = ArgumentCaptor.forClass(PersonnelMeasure.class);
    verify(mapper).insert(m.capture());
    assertThat(m.getValue().measure()).isEqualTo(PersonnelMeasure.FAILED_TEST);
    assertThat(m.getValue().status()).isEqualTo(PersonnelMeasure.DECIDED);
    assertThat(m.getValue().effectiveOn()).isNull();
    assertThat(m.getValue().barUntil()).isNull();
    // personnel-scoring starts at its failed-test message start with the case as business key
    verify(runtime).createMessageCorrelation("PersonnelTestFailed");
    verify(correlation).processInstanceBusinessKey("RY-9");
    ArgumentCaptor<Map<String, Object>> vars = ArgumentCaptor.forClass(Map.class);
    verify(correlation).setVariables(vars.capture());
    assertThat(vars.getValue()).containsEntry("region", "jining").containsEntry("caseNo", "RY-9")
        .containsEntry("measure", PersonnelMeasure.FAILED_TEST).containsEntry("pointsYear", 2026)
        .containsEntry("chooseMonths", false);
    verify(correlation).correlateStartMessage();
    verify(mapper).attachProcess("RY-9", "pi-9");
    verify(mapper, never()).terminated(anyString(), any(), any());
  }

  static PersonnelMeasure failedTestCase(String status) {
    return new PersonnelMeasure(9L, "RY-9", "jining", 7L, null, "SEED_004", 2026, 0, "TEST", PersonnelMeasure.FAILED_TEST,
        false, status, null, LocalDate.of(2026, 5, 21), null, null, null, null, null, null, null, "pi-9", null);
  }

  /**
   * R-PERS-2 after R-PERS-12: the test failed on 2026-05-20, the notice was served on 2026-05-21 and the window of
   * 10 working days closed; the process's 解除服务协议 runs on 2026-06-10 (the clock): every site terminated that
   * day, the bar 1 year (personnel-failed-test-bar, 004 §三(三)) from that day, 2027-06-10 (not from the test).
   */
  @Test
  void theProcessTerminatesAFailedTestAfterTheWindowWithTheBarFromThatDay() {
    when(mapper.find("RY-9")).thenReturn(failedTestCase(PersonnelMeasure.NOTIFIED),
        failedTestCase(PersonnelMeasure.TERMINATED));
    when(mapper.ofPerson(7L)).thenReturn(List.of(failedTestCase(PersonnelMeasure.NOTIFIED)));
    when(personnel.agreementsOfUnchecked(7L)).thenReturn(List.of(agreement(11, 1, "ACTIVE", null, false),
        agreement(12, 2, "SUSPENDED", null, false)));

    effects.terminate("RY-9", "pi-9");

    LocalDate bar = LocalDate.of(2027, 6, 10);
    verify(personnel).terminate(eq(11L), eq(bar), eq("R-PERS-2"), anyString(), eq("pi-9"));
    verify(personnel).terminate(eq(12L), eq(bar), eq("R-PERS-2"), anyString(), eq("pi-9"));
    verify(mapper).terminated("RY-9", TODAY, bar);
    ArgumentCaptor<org.yibaoflow.platform.AuditEntry> entries = ArgumentCaptor.forClass(org.yibaoflow.platform.AuditEntry.class);
    verify(audit).record(entries.capture());
    assertThat(entries.getValue().ruleId()).isEqualTo("R-PERS-2");
    assertThat(entries.getValue().reason()).contains("测试未合格", "2027-06-10");
  }

  /** R-PERS-12: a failed test's termination revoked (or changed) on objection terminates nothing, gives back no points. */
  @Test
  void anObjectionAgainstAFailedTestEndsTheCaseWithoutTermination() {
    when(mapper.find("RY-9")).thenReturn(failedTestCase(PersonnelMeasure.NOTIFIED));
    when(mapper.changeStatus("RY-9", PersonnelMeasure.NOTIFIED, PersonnelMeasure.REVOKED)).thenReturn(1);

    objections.revoke("RY-9", "YY-1", "pi-9");

    verify(mapper).changeStatus("RY-9", PersonnelMeasure.NOTIFIED, PersonnelMeasure.REVOKED);
    verify(mapper, never()).insertAdjustment(anyLong(), anyLong(), anyInt(), anyInt(), anyString(), anyString(), any());
    verify(personnel, never()).terminate(anyLong(), any(), anyString(), anyString(), any());
  }

  /** The written notice names the consequence of R-PERS-2 with the region's bar. */
  @Test
  void theNoticeOfAFailedTestNamesTheTerminationAndTheBar() {
    when(mapper.find("RY-9")).thenReturn(failedTestCase(PersonnelMeasure.DECIDED),
        failedTestCase(PersonnelMeasure.NOTIFIED));
    when(mapper.notified("RY-9", null, TODAY)).thenReturn(1);
    when(personnel.agreementsOfUnchecked(7L)).thenReturn(List.of(agreement(11, 1, "ACTIVE", null, false)));

    PersonnelMeasureService.Notice n = measures.notifyInstitution("RY-9", null, "pi-9");

    assertThat(n.decision()).contains("测试未合格", "解除", "1 年内不再签订", "R-PERS-2");
    assertThat(n.party()).isEqualTo("医院1");
  }

  @Test
  void theSameFailedTestAgainStartsNoSecondRippleCheck() {
    PersonTest earlier = new PersonTest(1L, 7L, TODAY, PersonTest.CLOSED_BOOK, 49, false, 40, null);
    when(mapper.findTest(7L, TODAY)).thenReturn(earlier);
    when(mapper.ofPerson(7L)).thenReturn(List.of());

    PersonnelTestService.Recorded<PersonnelTestService.TestResult> r = tests.recordTest(
        PERSON.nationalCode(), TODAY, false, 40, "年度测试");

    assertThat(r.created()).isFalse();
    verify(runtime, never()).createMessageCorrelation(anyString());
    verify(mapper, never()).insert(any());
  }

  @Test
  void aPassedTestStartsNoRippleCheck() {
    when(mapper.findTest(7L, TODAY)).thenReturn(null,
        new PersonTest(1L, 7L, TODAY, PersonTest.CLOSED_BOOK, 49, true, 80, null));

    assertThat(tests.recordTest(PERSON.nationalCode(), TODAY, true, 80, "年度测试").created()).isTrue();
    verify(runtime, never()).createMessageCorrelation(anyString());
  }

  @Test
  void servicesDuringASuspensionOrAfterATerminationAreNotPayable() {
    when(mapper.ofPerson(7L)).thenReturn(List.of(
        new PersonnelMeasure(1L, "RY-1", "jining", 7L, 70L, "SEED_004", 2026, 6, "6-8", "SUSPEND_3_MONTHS", false,
            "REPLACED", 3, null, LocalDate.of(2026, 3, 1), LocalDate.of(2026, 5, 31), LocalDate.of(2026, 4, 1), null,
            "RY-2", null, null, null, null),
        new PersonnelMeasure(2L, "RY-2", "jining", 7L, 70L, "SEED_004", 2026, 12, "12", "TERMINATE", false,
            "TERMINATED", null, null, LocalDate.of(2026, 4, 1), null, null, LocalDate.of(2027, 4, 1), null, null, null,
            null, null)));
    when(personnel.agreementsOfUnchecked(7L)).thenReturn(List.of(agreement(11, 1, "TERMINATED", null, false)));
    // the replaced suspension covers until the day before the replacing decision (endedOn 2026-04-01)
    assertThat(payability.payable(PERSON.nationalCode(), LocalDate.of(2026, 2, 28)).payable()).isTrue();
    assertThat(payability.payable(PERSON.nationalCode(), LocalDate.of(2026, 3, 15)).caseNo()).isEqualTo("RY-1");
    assertThat(payability.payable(PERSON.nationalCode(), LocalDate.of(2026, 3, 31)).caseNo()).isEqualTo("RY-1");
    PersonnelPayability.Payable after = payability.payable(PERSON.nationalCode(), LocalDate.of(2026, 4, 2));
    assertThat(after.payable()).isFalse();
    assertThat(after.caseNo()).isEqualTo("RY-2");
    assertThat(after.reasonZh()).contains("解除");
    assertThatThrownBy(() -> payability.payable(PERSON.nationalCode(), null)).hasFieldOrPropertyWithValue("field", "date");
  }

  @Test
  void theCaseworkersMonthsMustLieInTheRuleSetsRange() {
    when(mapper.find("RY-5")).thenReturn(new PersonnelMeasure(1L, "RY-5", "huaibei", 7L, 70L, "GRADED_12", 2026, 9,
        "9-11", "SUSPEND", false, "DECIDED", null, null, null, null, null, null, null, null, null, null, null));
    assertThatThrownBy(() -> measures.notifyInstitution("RY-5", 7, "pi-5"))
        .hasFieldOrPropertyWithValue("field", "suspensionMonths");
    verify(mapper, never()).notified(anyString(), any(), any());
  }
}
