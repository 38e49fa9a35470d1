package org.yibaoflow.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** What the supervision page and the case file show for moments and codes (issue 16: no raw codes, Beijing time). */
class LabelsTest {

  @Test
  void momentsAreBeijingTimeWithoutOffset() {
    // 03:30 UTC is 11:30 in Beijing (UTC+8, no daylight saving)
    assertThat(Labels.time(Instant.parse("2026-12-07T03:30:00Z"))).isEqualTo("2026年12月7日 11:30");
    assertThat(Labels.time(Instant.parse("2026-12-31T16:05:00Z"))).isEqualTo("2027年1月1日 00:05");
    assertThat(Labels.date(LocalDate.of(2026, 1, 9))).isEqualTo("2026年1月9日");
    assertThat(Labels.time((Instant) null)).isNull();
  }

  @Test
  void aDeadlineEndsAt24OfItsLastDay() {
    // R-TIME-1: a period ends at the end of its last day; 2026-12-15 00:00 Beijing is 2026-12-14T16:00Z
    assertThat(DeadlineService.beijing(Instant.parse("2026-12-14T16:00:00Z"))).isEqualTo("2026年12月14日 24:00");
    assertThat(DeadlineService.beijing(Instant.parse("2026-12-14T09:00:00Z"))).isEqualTo("2026年12月14日 17:00");
  }

  @Test
  void statusesAreReadByTheKindOfCase() {
    assertThat(CodeNames.status("VIOLATION", "INVESTIGATING")).isEqualTo("调查取证中");
    assertThat(CodeNames.status("VIOLATION", "CLOSED")).isEqualTo("已结案");
    assertThat(CodeNames.status("REFERRAL", "CLOSED")).isEqualTo("已办结");
    assertThat(CodeNames.status("OBJECTION", "FINAL")).isEqualTo("决定已生效");
    assertThat(CodeNames.status("PERSONNEL", "SUSPENDED")).isEqualTo("中止服务协议中");
    // an agreement's states are its own (AgreementState), a case's status in the audit trail is its kind's
    assertThat(CodeNames.state("AGREEMENT", "SUSPENDED")).isEqualTo("中止");
    assertThat(CodeNames.state("VIOLATION_CASE", "DOCUMENTS_REQUESTED")).isEqualTo("责令提供资料");
    assertThat(CodeNames.code("SMART_MONITORING")).isEqualTo("智能监控");
    assertThat(CodeNames.code("AGREEMENT_SUSPENSION")).isEqualTo("中止协议");
    assertThat(CodeNames.processState("COMPLETED")).isEqualTo("已办结");
    assertThat(CodeNames.entity("VIOLATION_CASE")).isEqualTo("违约案件");
  }
}
