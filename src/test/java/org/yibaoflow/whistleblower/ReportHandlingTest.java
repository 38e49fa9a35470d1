package org.yibaoflow.whistleblower;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.yibaoflow.enforcement.ViolationCase;
import org.yibaoflow.enforcement.ViolationIntakeService;
import org.yibaoflow.platform.AuditService;
import org.yibaoflow.platform.DomainRuleException;
import org.yibaoflow.platform.EngineAsApplication;
import org.yibaoflow.platform.RegionAccess;

/**
 * ReportHandling's rules: a founded report opens one REPORT case (R-VIO-1), joins only an undecided case of its
 * region, and only founded reports follow a decision to their reward (R-VIO-15).
 */
class ReportHandlingTest {

  private static final String NO = "JB-2026-huaibei-000003";
  private final WhistleblowerMapper mapper = mock(WhistleblowerMapper.class);
  private final ViolationIntakeService cases = mock(ViolationIntakeService.class);
  private final EngineAsApplication engine = mock(EngineAsApplication.class);
  private final AuditService audit = mock(AuditService.class);
  private final ReportHandling handling = new ReportHandling(mapper, cases, mock(RewardScale.class),
      audit, mock(RuntimeService.class), engine, mock(RegionAccess.class),
      Clock.fixed(Instant.parse("2026-09-18T02:00:00Z"), ZoneOffset.UTC));

  @Test
  void aFoundedReportOpensOneReportCaseThatNeverLearnsTheReporter() {
    when(mapper.find(NO)).thenReturn(report("VERIFYING", null));
    ViolationCase opened = violationCase("VC-2026-huaibei-000009", "huaibei", ViolationCase.INVESTIGATING);
    when(cases.openForProcess(any(), eq(AuditService.SYSTEM), anyMap()))
        .thenReturn(new ViolationIntakeService.Opened(opened, true));

    String caseNo = handling.verify(NO, true, null, "H34060100001", List.of("FRAUD_FAKE_VISITS"),
        new BigDecimal("80000"), null, "调取病历核实", "pi");

    assertThat(caseNo).isEqualTo("VC-2026-huaibei-000009");
    ArgumentCaptor<ViolationIntakeService.Intake> intake = ArgumentCaptor.forClass(ViolationIntakeService.Intake.class);
    verify(cases).openForProcess(intake.capture(), eq(AuditService.SYSTEM), anyMap());
    assertThat(intake.getValue().source()).isEqualTo("REPORT");
    // the report number makes the opening idempotent (a retried job finds the case)
    assertThat(intake.getValue().externalRef()).isEqualTo(NO);
    assertThat(intake.getValue().summary()).isEqualTo("举报线索（举报编号 " + NO + "）：调取病历核实")
        .doesNotContain("虚构住院");
    verify(mapper).founded(eq(NO), eq("H34060100001"), eq("VC-2026-huaibei-000009"), any());

    // a retried job: the report is FOUNDED already, nothing is opened again
    when(mapper.find(NO)).thenReturn(report("FOUNDED", "VC-2026-huaibei-000009"));
    assertThat(handling.verify(NO, true, null, "H34060100001", List.of("FRAUD_FAKE_VISITS"), null, null, null,
        "pi")).isEqualTo("VC-2026-huaibei-000009");
    verify(cases, times(1)).openForProcess(any(), any(), anyMap());
  }

  @Test
  void aReportJoinsOnlyAnUndecidedCaseOfItsRegion() {
    when(mapper.find(NO)).thenReturn(report("VERIFYING", null));
    when(cases.forProcess("VC-J")).thenReturn(violationCase("VC-J", "jining", ViolationCase.INVESTIGATING));
    when(cases.forProcess("VC-R")).thenReturn(violationCase("VC-R", "huaibei", ViolationCase.RECTIFYING));
    when(cases.forProcess("VC-D")).thenReturn(violationCase("VC-D", "huaibei", ViolationCase.DECIDING));
    for (String other : List.of("VC-J", "VC-R")) {
      assertThatThrownBy(() -> handling.verify(NO, true, other, null, null, null, null, null, "pi"))
          .isInstanceOfSatisfying(DomainRuleException.class, e -> assertThat(e.field()).isEqualTo("joinCaseNo"));
    }
    assertThat(handling.verify(NO, true, "VC-D", null, null, null, null, null, "pi")).isEqualTo("VC-D");
    verify(cases, never()).openForProcess(any(), any(), anyMap());
  }

  @Test
  void onlyFoundedReportsOfTheCaseFollowItsDecision() {
    when(mapper.findByCase("VC-1")).thenReturn(List.of(report("FOUNDED", "VC-1"), report("REWARD_PENDING", "VC-1"),
        report("REWARDED", "VC-1")));
    handling.decisionTookEffect("VC-1");
    verify(engine, times(1)).run(any());
    handling.decisionTookEffect("VC-2");
    verify(engine, times(1)).run(any());
  }

  @Test
  void theCasesEndClosesOnlyFoundedReportsStillWaitingAndOnce() {
    when(mapper.findByCase("VC-1")).thenReturn(List.of(report("FOUNDED", "VC-1"), report("REWARD_PENDING", "VC-1"),
        report("UNFOUNDED", "VC-1")));
    handling.caseClosed("VC-1");
    verify(engine, times(1)).run(any());

    // 办结举报（无生效决定）: NO_DECISION with a note naming the case, no reward; a retried job changes nothing
    when(mapper.find(NO)).thenReturn(report("FOUNDED", "VC-1"));
    when(mapper.closeNoDecision(eq(NO), any(), any())).thenReturn(1, 0);
    handling.closeWithoutDecision(NO, "pi");
    handling.closeWithoutDecision(NO, "pi");
    verify(mapper, times(2)).closeNoDecision(eq(NO), eq("案件 VC-1 已办结，未作出生效的处理决定，不予奖励"), any());
    verify(audit, times(1)).record(any());
    assertThat(WhistleblowerReport.Status.NO_DECISION.publicLabel()).isEqualTo("已办结：案件未作出生效处理决定");
  }

  @Test
  void unfoundedReportsCloseWithReasonsFromTheList() {
    when(mapper.find(NO)).thenReturn(report("RECEIVED", null));
    when(mapper.closeReasons()).thenReturn(List.of(new WhistleblowerReport.CloseReason("NO_CLUE", "无可查线索")));
    assertThatThrownBy(() -> handling.triage(NO, false, List.of("NO_CLUE", "BECAUSE"), null, "pi"))
        .isInstanceOfSatisfying(DomainRuleException.class, e -> assertThat(e.field()).isEqualTo("closeReasons"));
    assertThatThrownBy(() -> handling.triage(NO, false, List.of(), null, "pi"))
        .isInstanceOf(DomainRuleException.class);
    assertThat(handling.triage(NO, false, List.of("NO_CLUE", "NO_CLUE"), "无具体线索", "pi")).isFalse();
    verify(mapper).closeUnfounded(eq(NO), eq("NO_CLUE"), eq("无具体线索"), any());
  }

  private static WhistleblowerReport report(String status, String caseNo) {
    OffsetDateTime at = OffsetDateTime.parse("2026-09-01T10:00:00+08:00");
    return new WhistleblowerReport(1L, NO, "huaibei", "PHONE", true, "某医院", "虚构住院", status, null, caseNo, null,
        null, null, null, null, null, null, null, "pi-" + status, "zhangjing", at, at);
  }

  private static ViolationCase violationCase(String caseNo, String region, String status) {
    return new ViolationCase(1L, caseNo, region, "REPORT", null, 1L, "HOSPITAL", 1L, "FRAUD_FAKE_VISITS",
        BigDecimal.ZERO, null, status, null, null, null, null, false, null, null, null, null, null, null, null, null,
        null, null, "pi", "system", null, null, null);
  }
}
