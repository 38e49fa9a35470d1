package org.yibaoflow.designation.process;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import org.yibaoflow.calendar.WorkingDayCalendar;
import org.yibaoflow.designation.ComplaintReceipt;
import org.yibaoflow.designation.DesignationService;
import org.yibaoflow.designation.SupplementReceipt;
import org.yibaoflow.platform.DomainRuleException;
import org.yibaoflow.platform.FormCheck;

/**
 * 登记补正材料 checked before the task completes (issue 15, R-DES-1): the rules of {@link SupplementReceipt} that
 * {@code POST .../supplements} applies — materials among those told missing, received within the supplement period
 * and not in the future; a broken one is a Chinese message naming the form's field, the task stays open.
 */
@Component
class SupplementFormChecks implements FormCheck {

  static final String FORM = "designation-supplement";
  private static final Map<String, String> FIELDS = Map.of("materials", "suppliedMaterials", "receivedOn",
      "supplementReceivedOn", "note", "supplementNote");

  private final DesignationService service;
  private final Clock clock;

  SupplementFormChecks(DesignationService service, Clock clock) {
    this.service = service;
    this.clock = clock;
  }

  @Override
  public Set<String> formIds() {
    return Set.of(FORM);
  }

  @Override
  public void check(Submission s) {
    List<String> missing = s.businessKey() == null ? List.of() : service.awaitingSupplement(s.businessKey());
    try {
      SupplementReceipt receipt = new SupplementReceipt(SupplementReceipt.items(s.value("suppliedMaterials")),
          ComplaintReceipt.date(s.value("supplementReceivedOn")), s.text("supplementNote"));
      receipt.check(missing, ComplaintReceipt.lastDay(s.variables() instanceof DelegateTask t ? t.getDueDate() : null),
          LocalDate.now(clock.withZone(WorkingDayCalendar.ZONE)));
    } catch (java.time.DateTimeException e) {
      throw DomainRuleException.badRequest("supplementReceivedOn", "INPUT", "「收到日期」须为日期（年-月-日）",
          "supplementReceivedOn must be a date (yyyy-MM-dd)");
    } catch (DomainRuleException e) {
      throw DomainRuleException.badRequest(FIELDS.getOrDefault(e.field(), e.field()), e.rule(), e.messageZh(),
          e.messageEn());
    }
  }
}
