package org.yibaoflow.designation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import org.junit.jupiter.api.Test;
import org.yibaoflow.platform.DomainRuleException;

/** The rules a complaint during the public notice is received under, in Tasklist and through /api (R-DES-3). */
class ComplaintReceiptTest {

  static final LocalDate PUBLISHED = LocalDate.of(2026, 9, 22);
  static final LocalDate LAST_DAY = LocalDate.of(2026, 9, 30);
  static final LocalDate TODAY = LocalDate.of(2026, 10, 12);

  @Test
  void aComplaintReceivedOnAnyDayOfTheNoticeIsAcceptedAnonymousOrNot() {
    new ComplaintReceipt(null, "PHONE", "药师不在岗", PUBLISHED).check(PUBLISHED, LAST_DAY, TODAY);
    new ComplaintReceipt("王某", "LETTER", "药师不在岗", LAST_DAY).check(PUBLISHED, LAST_DAY, TODAY);
  }

  @Test
  void aComplaintReceivedBeforeTheNoticeOrAfterItsLastDayIsNotOneOfTheNotice() {
    assertRefused(new ComplaintReceipt(null, "VISIT", "内容", PUBLISHED.minusDays(1)), "receivedOn", "R-DES-3");
    assertRefused(new ComplaintReceipt(null, "VISIT", "内容", LAST_DAY.plusDays(1)), "receivedOn", "R-DES-3");
  }

  @Test
  void aReceivedDateInTheFutureIsRefused() {
    assertThatThrownBy(() -> new ComplaintReceipt(null, "EMAIL", "内容", LAST_DAY).check(PUBLISHED, LAST_DAY,
        LAST_DAY.minusDays(1))).isInstanceOf(DomainRuleException.class).extracting("field", "rule")
        .containsExactly("receivedOn", "R-TIME-1");
  }

  @Test
  void contentChannelAndDateAreRequiredAndTheChannelIsOneOfTheList() {
    assertRefused(new ComplaintReceipt(null, "PHONE", " ", PUBLISHED), "content", "INPUT");
    assertRefused(new ComplaintReceipt(null, "PHONE", "长".repeat(2001), PUBLISHED), "content", "INPUT");
    assertRefused(new ComplaintReceipt("名".repeat(201), "PHONE", "内容", PUBLISHED), "complainant", "INPUT");
    assertRefused(new ComplaintReceipt(null, "FAX", "内容", PUBLISHED), "channel", "INPUT");
    assertRefused(new ComplaintReceipt(null, null, "内容", PUBLISHED), "channel", "INPUT");
    assertRefused(new ComplaintReceipt(null, "PHONE", "内容", null), "receivedOn", "INPUT");
  }

  @Test
  void theLastDayOfANoticeIsTheDayBeforeTheMidnightTheCalendarGives() {
    // 2026-10-01 00:00 Asia/Shanghai = 2026-09-30 16:00 UTC: the notice's last day is 2026-09-30 (R-TIME-1)
    assertThat(ComplaintReceipt.lastDay(Date.from(Instant.parse("2026-09-30T16:00:00Z")))).isEqualTo(LAST_DAY);
    assertThat(ComplaintReceipt.lastDay(null)).isNull();
    assertThat(ComplaintReceipt.date("2026-09-22T00:00:00")).isEqualTo(PUBLISHED);
  }

  private static void assertRefused(ComplaintReceipt r, String field, String rule) {
    assertThatThrownBy(() -> r.check(PUBLISHED, LAST_DAY, TODAY)).isInstanceOf(DomainRuleException.class)
        .extracting("field", "rule").containsExactly(field, rule);
  }
}
