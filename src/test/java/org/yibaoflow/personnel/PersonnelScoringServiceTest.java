package org.yibaoflow.personnel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.camunda.bpm.engine.DecisionService;
import org.yibaoflow.personnel.DeductionReport.Finding;
import org.yibaoflow.personnel.PointsMapper.Deduction;
import org.yibaoflow.personnel.PointsMapper.Inspection;
import org.yibaoflow.institution.RegionSetting;
import org.yibaoflow.institution.RegionSettingsService;
import org.yibaoflow.platform.AuditEntry;
import org.yibaoflow.platform.AuditService;
import org.yibaoflow.platform.DomainRuleException;
import org.yibaoflow.platform.EngineAsApplication;
import org.yibaoflow.platform.RegionAccess;

/** The scoring rules R-PERS-3/5/6 on an in-memory ledger, with the real DMN table. */
class PersonnelScoringServiceTest {

  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-10T02:00:00Z"), ZoneId.of("Asia/Shanghai"));
  static final Person PERSON = new Person(7L, "huaibei", "D1234567", "340603199001011234", "王医生", "PHYSICIAN",
      LocalDate.of(1990, 1, 1), null);
  static final Person OTHER_REGION = new Person(8L, "bengbu", "D7654321", "340303199001011234", "李医生",
      "PHYSICIAN", LocalDate.of(1990, 1, 1), null);

  /** The ledger as the SQL keeps it: one inspection per (person, ref), deductions summed per year. */
  static class InMemoryPoints implements PointsMapper {
    final List<Inspection> inspections = new ArrayList<>();
    final List<Deduction> deductions = new ArrayList<>();
    final AtomicLong ids = new AtomicLong();

    @Override
    public void insertInspection(Inspection i) {
      if (findInspection(i.personId(), i.inspectionRef()) != null) {
        throw new IllegalStateException("uq_person_inspection");
      }
      inspections.add(new Inspection(ids.incrementAndGet(), i.personId(), i.inspectionRef(), i.inspectedOn(),
          i.pointsYear(), i.points(), i.totalAfter(), i.band(), i.measure(), i.triggered(), i.recordedAt()));
    }

    @Override
    public void insertDeduction(Deduction d) {
      deductions.add(d);
    }

    @Override
    public Inspection findInspection(long personId, String inspectionRef) {
      return inspections.stream().filter(i -> i.personId() == personId && i.inspectionRef().equals(inspectionRef))
          .findFirst().orElse(null);
    }

    @Override
    public Inspection findInspectionById(long id) {
      return inspections.stream().filter(i -> i.id() == id).findFirst().orElse(null);
    }

    @Override
    public int yearTotal(long personId, int pointsYear) {
      return deductions.stream().filter(d -> d.personId() == personId && d.pointsYear() == pointsYear)
          .mapToInt(Deduction::points).sum();
    }
  }

  final PersonnelMapper personnel = mock(PersonnelMapper.class);
  final InMemoryPoints points = new InMemoryPoints();
  final DecisionService decisions = mock(DecisionService.class);
  final EngineAsApplication engine = mock(EngineAsApplication.class);
  final RegionAccess regions = mock(RegionAccess.class);
  final AuditService audit = mock(AuditService.class);
  final PersonnelRuleSetMapper ruleSetMapper = mock(PersonnelRuleSetMapper.class);
  final PersonnelMeasureService measures = mock(PersonnelMeasureService.class);
  final KeyMonitoringService keyMonitoring = mock(KeyMonitoringService.class);
  final RegionSettingsService settings = mock(RegionSettingsService.class);
  final PersonnelScoringService service = new PersonnelScoringService(personnel, points, new DeductionCatalogue(),
      new PersonnelRuleSets(ruleSetMapper), new PersonnelMeasuresDecision(points, decisions, engine), measures,
      keyMonitoring, settings, regions, audit, CLOCK);
  int refs;
  int cases;

  @BeforeEach
  @SuppressWarnings("unchecked")
  void setUp() {
    when(personnel.findByNationalCode(PERSON.nationalCode())).thenReturn(PERSON);
    when(personnel.findByNationalCode(OTHER_REGION.nationalCode())).thenReturn(OTHER_REGION);
    when(regions.canSee("huaibei")).thenReturn(true);
    when(engine.call(any())).thenAnswer(inv -> ((Supplier<Object>) inv.getArgument(0)).get());
    when(engine.callInRegion(any(), any())).thenAnswer(inv -> ((Supplier<Object>) inv.getArgument(1)).get());
    when(decisions.evaluateDecisionTableByKey(eq(PersonnelScoringService.DECISION), anyMap()))
        .thenAnswer(inv -> PersonnelMeasuresDmnTest.ENGINE.evaluateDecisionTable(PersonnelMeasuresDmnTest.DECISION,
            (Map<String, Object>) inv.getArgument(1)));
    when(decisions.evaluateDecisionTableByKey(eq("personnel-measures-graded"), anyMap()))
        .thenAnswer(inv -> PersonnelMeasuresDmnTest.ENGINE.evaluateDecisionTable(PersonnelMeasuresDmnTest.GRADED,
            (Map<String, Object>) inv.getArgument(1)));
    when(settings.value("huaibei", RegionSetting.PERSONNEL_SUSPENSION_SHORT)).thenReturn(3);
    when(settings.value("huaibei", RegionSetting.PERSONNEL_SUSPENSION_LONG)).thenReturn(6);
    when(measures.open(any(), any(), any(), any(), org.mockito.ArgumentMatchers.anyBoolean()))
        .thenAnswer(inv -> "RY-2026-huaibei-" + ++cases);
  }

  ScoringAnswer deduct(LocalDate on, String... codesPerFinding) {
    List<Finding> findings = new ArrayList<>();
    for (String codes : codesPerFinding) {
      findings.add(new Finding(List.of(codes.split("\\+")), "违规行为 " + codes));
    }
    return service.deduct(PERSON.nationalCode(), new DeductionReport("JC-" + ++refs, on, findings)).answer();
  }

  ScoringAnswer deduct(String... codesPerFinding) {
    return deduct(LocalDate.of(2026, 5, 1), codesPerFinding);
  }

  @Test
  void belowFiveNothingHappens() {
    ScoringAnswer a = deduct("P1-1", "P3-2");
    assertThat(a.deducted()).isEqualTo(4);
    assertThat(a.total()).isEqualTo(4);
    assertThat(a.remaining()).isEqualTo(8);
    assertThat(a.measure()).isEqualTo("NONE");
    assertThat(a.triggered()).isFalse();
  }

  @Test
  void reachingFiveMeansAnInterview() {
    deduct("P1-1", "P1-2");
    ScoringAnswer a = deduct("P3-1");
    assertThat(a.total()).isEqualTo(5);
    assertThat(a.band()).isEqualTo("5");
    assertThat(a.measure()).isEqualTo("INTERVIEW");
    assertThat(a.triggered()).isTrue();
  }

  @Test
  void sixToEightSuspendsThreeMonthsAndStayingInTheBandTriggersNothingNew() {
    ScoringAnswer six = deduct("P6-1");
    assertThat(six.measure()).isEqualTo("SUSPEND_3_MONTHS");
    assertThat(six.suspensionMonths()).isEqualTo(3);
    assertThat(six.triggered()).isTrue();
    ScoringAnswer eight = deduct("P1-1", "P1-2");
    assertThat(eight.total()).isEqualTo(8);
    assertThat(eight.band()).isEqualTo("6-8");
    assertThat(eight.triggered()).isFalse();
  }

  @Test
  void nineToElevenSuspendsSixMonths() {
    deduct("P6-1");
    ScoringAnswer a = deduct("P3-1");
    assertThat(a.total()).isEqualTo(9);
    assertThat(a.measure()).isEqualTo("SUSPEND_6_MONTHS");
    assertThat(a.suspensionMonths()).isEqualTo(6);
    assertThat(a.triggered()).isTrue();
  }

  @Test
  void twelveTerminates() {
    ScoringAnswer a = deduct("P12-5");
    assertThat(a.total()).isEqualTo(12);
    assertThat(a.remaining()).isZero();
    assertThat(a.band()).isEqualTo("12");
    assertThat(a.measure()).isEqualTo("TERMINATE");
  }

  @Test
  void differentViolationsAreDeductedSeparatelyAndOneViolationOnceAtItsHighestCase() {
    // R-PERS-5: finding 1 matches a 1-, a 3- and a 6-point case => 6 once; finding 2 => 1
    ScoringAnswer a = deduct("P1-2+P3-3+P6-2", "P1-8");
    assertThat(a.deducted()).isEqualTo(7);
    assertThat(points.deductions).extracting(Deduction::points).containsExactly(6, 1);
    assertThat(points.deductions.get(0).matchedCodes()).isEqualTo("P1-2,P3-3,P6-2");
  }

  @Test
  void inspectionsAtSeveralPracticeSitesAddUp() {
    // R-PERS-5: a multi-site physician's points are one account
    deduct("P3-1"); // inspection at site A
    ScoringAnswer b = deduct("P3-2"); // inspection at site B
    assertThat(b.total()).isEqualTo(6);
    assertThat(b.measure()).isEqualTo("SUSPEND_3_MONTHS");
  }

  @Test
  void theSameInspectionSubmittedTwiceDeductsOnceAndAnswersTheSame() {
    DeductionReport report = new DeductionReport("JC-DUP", LocalDate.of(2026, 5, 1),
        List.of(new Finding(List.of("P3-1"), "倒卖药品")));
    PersonnelScoringService.Deducted first = service.deduct(PERSON.nationalCode(), report);
    deduct("P1-1");
    PersonnelScoringService.Deducted again = service.deduct(PERSON.nationalCode(), report);
    assertThat(first.created()).isTrue();
    assertThat(again.created()).isFalse();
    assertThat(again.answer()).isEqualTo(first.answer());
    assertThat(points.yearTotal(PERSON.id(), 2026)).isEqualTo(4);
    verify(audit, times(2)).record(any(AuditEntry.class));
  }

  @Test
  void eachNaturalYearStartsAgain() {
    // R-PERS-3: the year is part of the key; no job resets anything
    ScoringAnswer last = deduct(LocalDate.of(2025, 12, 31), "P6-1", "P3-1");
    assertThat(last.pointsYear()).isEqualTo(2025);
    assertThat(last.total()).isEqualTo(9);
    ScoringAnswer next = deduct(LocalDate.of(2026, 1, 1), "P1-1");
    assertThat(next.pointsYear()).isEqualTo(2026);
    assertThat(next.total()).isEqualTo(1);
    assertThat(next.remaining()).isEqualTo(11);
    assertThat(next.measure()).isEqualTo("NONE");
  }

  @Test
  void nineOrMoreInEachOfThreeConsecutiveYearsTerminates() {
    deduct(LocalDate.of(2024, 3, 1), "P6-1", "P3-1");
    deduct(LocalDate.of(2025, 3, 1), "P6-2", "P3-2");
    ScoringAnswer third = deduct(LocalDate.of(2026, 3, 1), "P6-3", "P3-3");
    assertThat(third.total()).isEqualTo(9);
    assertThat(third.band()).isEqualTo("3x9");
    assertThat(third.measure()).isEqualTo("TERMINATE");
    assertThat(third.triggered()).isTrue();
  }

  @Test
  void aGapYearBreaksTheThreeYearRule() {
    deduct(LocalDate.of(2023, 3, 1), "P6-1", "P3-1");
    deduct(LocalDate.of(2024, 3, 1), "P6-1", "P3-1");
    deduct(LocalDate.of(2025, 3, 1), "P6-1");
    ScoringAnswer a = deduct(LocalDate.of(2026, 3, 1), "P6-2", "P3-2");
    assertThat(a.measure()).isEqualTo("SUSPEND_6_MONTHS");
  }

  @Test
  void unknownCodesAreRefusedNamingTheFieldAndRuleAndNothingIsWritten() {
    assertThatThrownBy(() -> deduct("P1-1", "P3-1+P9-9"))
        .isInstanceOfSatisfying(DomainRuleException.class, e -> {
          assertThat(e.status()).isEqualTo(HttpStatus.BAD_REQUEST);
          assertThat(e.field()).isEqualTo("findings[1].codes[1]");
          assertThat(e.rule()).isEqualTo("R-PERS-4");
          assertThat(e.messageZh()).contains("P9-9");
        });
    assertThat(points.inspections).isEmpty();
    assertThat(points.deductions).isEmpty();
  }

  @Test
  void inputIsChecked() {
    assertThatThrownBy(() -> service.deduct(PERSON.nationalCode(),
        new DeductionReport(" ", LocalDate.of(2026, 5, 1), List.of(new Finding(List.of("P1-1"), "x")))))
        .hasFieldOrPropertyWithValue("field", "inspectionRef");
    assertThatThrownBy(() -> service.deduct(PERSON.nationalCode(),
        new DeductionReport("JC", LocalDate.of(2026, 6, 11), List.of(new Finding(List.of("P1-1"), "x")))))
        .hasFieldOrPropertyWithValue("field", "inspectedOn");
    assertThatThrownBy(() -> service.deduct(PERSON.nationalCode(),
        new DeductionReport("JC", LocalDate.of(2026, 5, 1), List.of())))
        .hasFieldOrPropertyWithValue("field", "findings");
    assertThatThrownBy(() -> service.deduct(PERSON.nationalCode(),
        new DeductionReport("JC", LocalDate.of(2026, 5, 1), List.of(new Finding(List.of(), "x")))))
        .hasFieldOrPropertyWithValue("field", "findings[0].codes");
    assertThatThrownBy(() -> service.deduct(PERSON.nationalCode(),
        new DeductionReport("JC", LocalDate.of(2026, 5, 1), List.of(new Finding(List.of("P1-1"), " ")))))
        .hasFieldOrPropertyWithValue("field", "findings[0].description");
  }

  @Test
  void aPersonOfAnotherRegionIsNotFound() {
    assertThatThrownBy(() -> service.deduct(OTHER_REGION.nationalCode(),
        new DeductionReport("JC", LocalDate.of(2026, 5, 1), List.of(new Finding(List.of("P1-1"), "x")))))
        .isInstanceOfSatisfying(DomainRuleException.class,
            e -> assertThat(e.status()).isEqualTo(HttpStatus.NOT_FOUND));
    assertThatThrownBy(() -> service.deduct("NOPE", null))
        .isInstanceOfSatisfying(DomainRuleException.class,
            e -> assertThat(e.status()).isEqualTo(HttpStatus.NOT_FOUND));
  }

  @Test
  void aDeductionThatReachesAMoreSevereBandOpensAMeasureCaseAndTheReplayAnswersTheSameCase() {
    ScoringAnswer none = deduct("P1-1");
    assertThat(none.caseNo()).isNull();
    ScoringAnswer twelve = deduct("P12-2");
    assertThat(twelve.caseNo()).isEqualTo("RY-2026-huaibei-1");
    assertThat(twelve.ruleSet()).isEqualTo("SEED_004");
    // one incident of 12 points: the severity that decides the re-sign bar (R-PERS-8)
    verify(measures).open(eq(PERSON), any(), any(), any(), eq(true));
    verify(keyMonitoring, times(2)).checkKeyMonitoring(PERSON, 2026);
  }

  @Test
  void aGradedRegionDeductsThePointsChosenWithinTheGradeOfTheHighestCase() {
    when(ruleSetMapper.ruleSetOf("huaibei")).thenReturn("GRADED_12");
    // a 3-point case is graded 4-6 [issue 8 §7]
    assertThatThrownBy(() -> service.deduct(PERSON.nationalCode(), new DeductionReport("JC-G0", LocalDate.of(2026, 5, 1),
        List.of(new Finding(List.of("P3-1"), "倒卖药品", 7)))))
        .isInstanceOfSatisfying(DomainRuleException.class, e -> {
          assertThat(e.field()).isEqualTo("findings[0].points");
          assertThat(e.rule()).isEqualTo("R-PERS-4");
          assertThat(e.messageZh()).contains("4-6");
        });
    assertThatThrownBy(() -> service.deduct(PERSON.nationalCode(), new DeductionReport("JC-G0", LocalDate.of(2026, 5, 1),
        List.of(new Finding(List.of("P3-1"), "倒卖药品")))))
        .hasFieldOrPropertyWithValue("field", "findings[0].points");
    ScoringAnswer a = service.deduct(PERSON.nationalCode(), new DeductionReport("JC-G1", LocalDate.of(2026, 5, 1),
        List.of(new Finding(List.of("P1-1", "P3-1"), "倒卖药品", 6), new Finding(List.of("P1-2"), "超量开药", 3))))
        .answer();
    assertThat(a.deducted()).isEqualTo(9);
    assertThat(a.ruleSet()).isEqualTo("GRADED_12");
    assertThat(a.band()).isEqualTo("9-11");
    assertThat(a.measure()).isEqualTo("SUSPEND");
    assertThat(a.suspensionMonths()).isZero();
    assertThat(a.triggered()).isTrue();
    // no interview band in the graded set: 5 points alone mean nothing
    assertThat(points.deductions).extracting(Deduction::points).containsExactly(6, 3);
  }

  @Test
  void aFixedRegionRefusesChosenPointsThatDifferFromTheCatalogue() {
    assertThatThrownBy(() -> service.deduct(PERSON.nationalCode(), new DeductionReport("JC-F", LocalDate.of(2026, 5, 1),
        List.of(new Finding(List.of("P3-1"), "倒卖药品", 5)))))
        .hasFieldOrPropertyWithValue("field", "findings[0].points");
    assertThat(service.deduct(PERSON.nationalCode(), new DeductionReport("JC-F", LocalDate.of(2026, 5, 1),
        List.of(new Finding(List.of("P3-1"), "倒卖药品", 3)))).answer().deducted()).isEqualTo(3);
  }
}
