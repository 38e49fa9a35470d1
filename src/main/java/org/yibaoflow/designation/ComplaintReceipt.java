package org.yibaoflow.designation;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import org.yibaoflow.calendar.WorkingDayCalendar;
import org.yibaoflow.platform.DomainRuleException;

/**
 * What was received of a complaint during the public notice (公示期间投诉, R-DES-3): who complained (optional: a
 * complaint may be anonymous), how it came, what it says and the Beijing day it was received. The same rules for
 * every way in (issue 15, item 6): the caseworker's 登记公示期间投诉 in Tasklist and {@code POST .../complaints} of
 * other systems. A complaint is one of the notice only when received on a day of the notice: from the day it was
 * published to the last day of the period (24:00), and never after today.
 */
public record ComplaintReceipt(String complainant, String channel, String content, LocalDate receivedOn) {

  /** How a complaint arrives, with the label users see (no raw code reaches a user). */
  public static final Map<String, String> CHANNELS;

  static {
    Map<String, String> channels = new LinkedHashMap<>();
    channels.put("PHONE", "电话");
    channels.put("LETTER", "来信");
    channels.put("VISIT", "来访");
    channels.put("EMAIL", "电子邮件");
    channels.put("SYSTEM", "其他系统转来（接口）");
    CHANNELS = Collections.unmodifiableMap(channels);
  }

  /**
   * Throws {@link DomainRuleException} (400, naming the API's field: complainant, channel, content, receivedOn)
   * for the first rule the receipt breaks.
   */
  public void check(LocalDate publishedOn, LocalDate lastDay, LocalDate today) {
    DomainRuleException.requireText(content, "content", "投诉内容", "complaint content");
    if (content.trim().length() > 2000) {
      throw DomainRuleException.badRequest("content", "INPUT", "投诉内容不能超过 2000 字",
          "content is at most 2000 characters");
    }
    if (complainant != null && complainant.trim().length() > 200) {
      throw DomainRuleException.badRequest("complainant", "INPUT", "投诉人不能超过 200 字",
          "complainant is at most 200 characters");
    }
    if (channel == null || !CHANNELS.containsKey(channel)) {
      throw DomainRuleException.badRequest("channel", "INPUT", "请选择投诉方式（" + String.join("、", CHANNELS.values())
          + "）", "channel must be one of " + CHANNELS.keySet());
    }
    if (receivedOn == null) {
      throw DomainRuleException.badRequest("receivedOn", "INPUT", "收到日期不能为空", "receivedOn is required");
    }
    if (receivedOn.isAfter(today)) {
      throw DomainRuleException.badRequest("receivedOn", "R-TIME-1", "收到日期不能晚于今天（北京时间 " + today + "）",
          "receivedOn cannot be in the future");
    }
    if (publishedOn != null && receivedOn.isBefore(publishedOn)) {
      throw DomainRuleException.badRequest("receivedOn", "R-DES-3", "收到日期早于公示发布日 " + publishedOn
          + "，不是公示期间的投诉", "receivedOn is before the notice was published on " + publishedOn);
    }
    if (lastDay != null && receivedOn.isAfter(lastDay)) {
      throw DomainRuleException.badRequest("receivedOn", "R-DES-3", "收到日期晚于公示期最后一日 " + lastDay
          + " 24:00（北京时间），不是公示期间的投诉", "receivedOn is after the notice ended on " + lastDay);
    }
  }

  /** The receipt as recorded: texts trimmed, an empty complainant none. */
  public ComplaintReceipt trimmed() {
    return new ComplaintReceipt(complainant == null || complainant.isBlank() ? null : complainant.trim(), channel,
        content == null ? null : content.trim(), receivedOn);
  }

  /**
   * The last day of a period whose end the calendar gave as a moment (the next day 00:00 Asia/Shanghai, R-TIME-1);
   * null stays null.
   */
  public static LocalDate lastDay(Object deadline) {
    if (deadline == null) {
      return null;
    }
    if (deadline instanceof Date d) {
      ZonedDateTime end = d.toInstant().atZone(WorkingDayCalendar.ZONE);
      return end.toLocalTime().equals(LocalTime.MIDNIGHT) ? end.toLocalDate().minusDays(1) : end.toLocalDate();
    }
    return LocalDate.parse(deadline.toString().substring(0, 10));
  }

  /** A date variable (LocalDate, java.util.Date in Beijing, or ISO text), null when unset. */
  public static LocalDate date(Object value) {
    if (value == null || value.toString().isBlank()) {
      return null;
    }
    if (value instanceof LocalDate d) {
      return d;
    }
    if (value instanceof Date d) {
      return d.toInstant().atZone(WorkingDayCalendar.ZONE).toLocalDate();
    }
    return LocalDate.parse(value.toString().trim().substring(0, 10));
  }
}
