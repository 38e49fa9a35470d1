package org.yibaoflow.objection;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.yibaoflow.calendar.ArrangementSource;
import org.yibaoflow.calendar.WorkingDayCalendar;
import org.yibaoflow.platform.DomainRuleException;

/**
 * The received date of a paper objection (issue 15 item 6, R-PERS-12, R-TIME-1). Weekends only (no holiday
 * arrangement): a notice served on Friday 2026-03-06 opens a window of 10 working days, Mar 9-13 and 16-20, ending
 * Friday 2026-03-20 at 24:00 Beijing. Today is Monday 2026-03-23, after the window, its timer not yet run.
 */
class ObjectionReceiptsTest {

  private static final String NO = "YY-2026-huaibei-000001";
  private final ObjectionMapper mapper = mock(ObjectionMapper.class);
  private final ObjectionReceipts receipts = new ObjectionReceipts(mapper,
      new WorkingDayCalendar(ArrangementSource.none()),
      Clock.fixed(OffsetDateTime.parse("2026-03-23T09:00:00+08:00").toInstant(), WorkingDayCalendar.ZONE));

  @Test
  void anObjectionReceivedOnTheLastDayOfTheWindowIsInTimeThoughEnteredAfterIt() {
    open(Objection.Status.WINDOW_OPEN, null);
    assertThatCode(() -> receipts.check(NO, LocalDate.parse("2026-03-20"), "处罚过重")).doesNotThrowAnyException();
    assertThatCode(() -> receipts.check(NO, LocalDate.parse("2026-03-06"), "处罚过重")).as("the day of service")
        .doesNotThrowAnyException();
  }

  @Test
  void aReceivedDateAfterTheWindowIsLateWithTheWindowsLastDay() {
    open(Objection.Status.WINDOW_OPEN, null);
    refused(LocalDate.parse("2026-03-21"), "receivedOn", "异议已超过期限，不予受理；异议期截止日为 2026-03-20（当日 24 时止）");
  }

  @Test
  void aReceivedDateInTheFutureOrBeforeTheServiceIsRefused() {
    open(Objection.Status.WINDOW_OPEN, null);
    refused(LocalDate.parse("2026-03-24"), "receivedOn", "收到日期不能晚于今天（2026-03-23）");
    refused(LocalDate.parse("2026-03-05"), "receivedOn", "收到日期不能早于处理决定的送达日期（2026-03-06）");
    refused(null, "receivedOn", "须填写收到异议书的日期");
  }

  @Test
  void theSecondWindowCountsFromTheServiceOfTheReview() {
    // the review served on Monday Mar 16: the second window runs Mar 17 .. Mar 30
    open(Objection.Status.SECOND_WINDOW_OPEN, LocalDate.parse("2026-03-16"));
    refused(LocalDate.parse("2026-03-13"), "receivedOn", "收到日期不能早于复核决定的送达日期（2026-03-16）");
    assertThatCode(() -> receipts.check(NO, LocalDate.parse("2026-03-23"), "对复核决定不服"))
        .doesNotThrowAnyException();
  }

  @Test
  void noWindowOpenAndNoReasonsAreRefused() {
    open(Objection.Status.WINDOW_OPEN, null);
    assertThatThrownBy(() -> receipts.check(NO, LocalDate.parse("2026-03-20"), " "))
        .isInstanceOfSatisfying(DomainRuleException.class, e -> org.assertj.core.api.Assertions.assertThat(e.field())
            .isEqualTo("reasons"));
    open(Objection.Status.AGENCY_REVIEW, null);
    refused(LocalDate.parse("2026-03-20"), "status", "没有正在进行的异议期");
  }

  private void refused(LocalDate receivedOn, String field, String messageZh) {
    assertThatThrownBy(() -> receipts.check(NO, receivedOn, "处罚过重"))
        .isInstanceOfSatisfying(DomainRuleException.class, e -> {
          org.assertj.core.api.Assertions.assertThat(e.field()).isEqualTo(field);
          org.assertj.core.api.Assertions.assertThat(e.rule()).isEqualTo("R-PERS-12");
          org.assertj.core.api.Assertions.assertThat(e.messageZh()).contains(messageZh);
        });
  }

  private void open(Objection.Status status, LocalDate reviewServedOn) {
    when(mapper.findByNo(NO)).thenReturn(new Objection(1L, NO, "huaibei", "WG-2026-huaibei-000001",
        "VIOLATION_DECISION", "暂停结算 3 个月", "淮北市某药房", LocalDate.parse("2026-03-06"), 10, reviewServedOn, status,
        null, null, null, null, "pi", null, null));
  }
}
