package org.yibaoflow.designation.process;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import org.yibaoflow.calendar.Deadlines;
import org.yibaoflow.designation.ComplaintReceipt;
import org.yibaoflow.designation.DesignationRecords;
import org.yibaoflow.designation.PublicNoticeService;
import org.yibaoflow.platform.FormCheck;
import org.yibaoflow.platform.FormFacts;
import org.yibaoflow.platform.ProcessVariables;

/**
 * What the public notice's forms show (issue 15, R-DES-3): 登记公示期间投诉 shows the notice period in Beijing time
 * (provisional marked, R-TIME-3), the complaints registered so far and the channels to choose from (Chinese labels,
 * the caseworker's channels: not the interface's); 调查核实投诉 shows how and when its complaint was received.
 */
@Component
class PublicNoticeFormFacts implements FormFacts {

  static final String REGISTRATION = "public-notice-complaint-registration";
  static final String VERIFICATION = "public-notice-complaint-verification";
  private static final Map<String, String> STATUS = Map.of(DesignationRecords.Complaint.OPEN, "待核实",
      DesignationRecords.Complaint.FOUNDED, "属实", DesignationRecords.Complaint.UNFOUNDED, "不属实");

  private final PublicNoticeService service;
  private final Deadlines deadlines;

  PublicNoticeFormFacts(PublicNoticeService service, Deadlines deadlines) {
    this.service = service;
    this.deadlines = deadlines;
  }

  @Override
  public Set<String> formIds() {
    return Set.of(REGISTRATION, VERIFICATION);
  }

  @Override
  public Map<String, Object> facts(FormCheck.Submission task) {
    Map<String, Object> facts = new LinkedHashMap<>();
    if (VERIFICATION.equals(task.formId())) {
      String channel = ProcessVariables.string(task.variables(), "complaintChannel");
      String receivedOn = ProcessVariables.string(task.variables(), "complaintReceivedOn");
      facts.put("complaintReceiptText", (channel == null ? "方式未记录" : ComplaintReceipt.CHANNELS.getOrDefault(channel,
          "方式未记录")) + "，" + (receivedOn == null ? "收到日期未记录" : receivedOn + " 收到"));
      return facts;
    }
    Map<String, String> channels = new LinkedHashMap<>(ComplaintReceipt.CHANNELS);
    channels.remove("SYSTEM");
    facts.put("complaintChannelOptions", FormFacts.options(channels));
    Object publishedOn = task.value(PublicNoticeService.NOTICE_PUBLISHED_ON);
    facts.put("noticePeriodText", (publishedOn == null ? "" : publishedOn + " 至 ")
        + deadlines.label(task.variables() instanceof DelegateTask t ? t.getDueDate() : null));
    if (task.businessKey() != null) {
      List<DesignationRecords.Complaint> so = service.complaints(task.businessKey());
      facts.put("complaintsSoFarText", so.isEmpty() ? "尚未收到投诉" : so.stream().map(c -> (c.receivedOn() == null
          ? "" : c.receivedOn() + " ") + ComplaintReceipt.CHANNELS.getOrDefault(c.channel(), "") + "：" + abbreviate(
          c.content()) + "（" + STATUS.getOrDefault(c.status(), "待核实") + "）").collect(Collectors.joining("\n")));
    }
    return facts;
  }

  private static String abbreviate(String s) {
    return s == null ? "" : s.length() > 60 ? s.substring(0, 60) + "…" : s;
  }
}
