package org.yibaoflow.referral.process;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.yibaoflow.platform.DomainRuleException;
import org.yibaoflow.platform.FormCheck;
import org.yibaoflow.platform.FormFacts;
import org.yibaoflow.referral.Referral;
import org.yibaoflow.referral.ReferralService;

/**
 * The form {@code referral-feedback} of 登记移送反馈 (issue 15 item 6, R-VIO-11): shows the transfer the feedback
 * answers (to whom, when, with which letter, reminders so far) and offers the kinds of feedback in Chinese; checks the
 * submission by the rules of the API's feedback ({@link ReferralService#checkPaperFeedback}) before the task
 * completes, so a wrong entry is a message in the form, the task stays open and nothing is written.
 */
@Component
class ReferralFeedbackForm implements FormCheck, FormFacts {

  static final String FORM = "referral-feedback";
  static final String TYPE = "feedbackType";
  static final String CONTENT = "feedbackContent";
  static final String RECEIVED_ON = "feedbackReceivedOn";
  static final String DOCUMENT_NO = "feedbackDocumentNo";

  /** The feedback types in the order a transfer meets them, in Chinese (R-VIO-11). */
  static final Map<String, String> TYPES = new LinkedHashMap<>();
  private static final Map<Referral.Kind, String> KINDS = Map.of(Referral.Kind.JUDICIAL, "移送司法机关（公安机关）",
      Referral.Kind.DISCIPLINE, "移送纪委监委", Referral.Kind.REGULATOR, "移送卫生健康、市场监管等部门",
      Referral.Kind.HEALTH, "通报卫生健康行政部门");

  static {
    TYPES.put(Referral.FeedbackType.ACCEPTED.name(), "已受理（立案），等待办理结果");
    TYPES.put(Referral.FeedbackType.DECLINED.name(), "不予受理（退回移送）");
    TYPES.put(Referral.FeedbackType.RESULT.name(), "办理结果（办结）");
  }

  private final ReferralService service;

  ReferralFeedbackForm(ReferralService service) {
    this.service = service;
  }

  @Override
  public Set<String> formIds() {
    return Set.of(FORM);
  }

  @Override
  public Map<String, Object> facts(FormCheck.Submission task) {
    Referral r = task.businessKey() == null ? null : service.ofProcess(task.businessKey());
    if (r == null) {
      return Map.of();
    }
    StringBuilder text = new StringBuilder();
    text.append("移送类别：").append(KINDS.getOrDefault(r.kind(), "")).append('\n');
    text.append("接收机关：").append(r.receivingBody() == null ? "" : r.receivingBody()).append('\n');
    text.append("移送日期：").append(r.transferredOn() == null ? "" : r.transferredOn()).append('\n');
    text.append("移送函文号：").append(r.letterNo() == null ? "" : r.letterNo()).append('\n');
    text.append("当前状态：").append(r.status() == Referral.Status.ACCEPTED ? "接收机关已受理，等待办理结果"
        : "已移送，等待接收机关反馈").append('\n');
    text.append("已催办次数：").append(r.reminderCount());
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put("referralFacts", text.toString());
    facts.put("feedbackTypeOptions", FormFacts.options(TYPES));
    return facts;
  }

  @Override
  public void check(FormCheck.Submission s) {
    String type = s.text(TYPE);
    if (type != null && !TYPES.containsKey(type)) {
      throw DomainRuleException.badRequest(TYPE, "R-VIO-11", "反馈类型须从列表中选择", "feedbackType must be one listed");
    }
    try {
      service.checkPaperFeedback(s.businessKey(), type == null ? null : Referral.FeedbackType.valueOf(type),
          s.text(CONTENT), FormCheck.receivedDate(s.text(RECEIVED_ON)));
    } catch (DomainRuleException e) {
      // the form's keys, so Tasklist names the field the caseworker filled
      String field = switch (e.field() == null ? "" : e.field()) {
        case "type" -> TYPE;
        case "content" -> CONTENT;
        case "receivedOn" -> RECEIVED_ON;
        default -> e.field();
      };
      throw DomainRuleException.badRequest(field, e.rule(), e.messageZh(), e.getMessage());
    }
  }
}
