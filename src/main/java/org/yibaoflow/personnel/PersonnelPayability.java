package org.yibaoflow.personnel;

import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yibaoflow.calendar.WorkingDayCalendar;
import org.yibaoflow.platform.DomainRuleException;

/** Whether the fund pays a person's services on a date (R-PERS-9, R-PERS-11, R-PERS-1 renewal, R-PERS-2). */
@Service
public class PersonnelPayability {

  private final MeasureMapper mapper;
  private final PersonnelService personnel;

  PersonnelPayability(MeasureMapper mapper, PersonnelService personnel) {
    this.mapper = mapper;
    this.personnel = personnel;
  }

  /** Whether the fund pays a person's services on a date, and why not (R-PERS-9, R-PERS-11). */
  public record Payable(String nationalCode, LocalDate date, boolean payable, String rule, String reasonZh,
      String reason, String caseNo) {
  }

  @Transactional(readOnly = true)
  public Payable payable(String nationalCode, LocalDate date) {
    Person p = personnel.visibleByCode(nationalCode);
    if (date == null) {
      throw DomainRuleException.badRequest("date", "R-PERS-9", "须给出服务日期（yyyy-MM-dd）", "date is required (yyyy-MM-dd)");
    }
    for (PersonnelMeasure m : mapper.ofPerson(p.id())) {
      if (m.effectiveOn() == null || date.isBefore(m.effectiveOn())) {
        continue;
      }
      if (PersonnelMeasure.TERMINATED.equals(m.status())) {
        return new Payable(nationalCode, date, false, PersonnelMeasure.FAILED_TEST.equals(m.measure()) ? "R-PERS-2"
            : "R-PERS-9", "服务协议已于 " + m.effectiveOn() + " 解除，医保基金不予支付（急诊、抢救除外），不得转嫁参保人员",
            "Agreement terminated on " + m.effectiveOn() + ": not paid by the fund (emergencies excepted)", m.caseNo());
      }
      if (m.isSuspension() && m.suspendedUntil() != null) {
        LocalDate end = m.endedOn() != null && PersonnelMeasure.REPLACED.equals(m.status())
            ? m.endedOn().minusDays(1) : m.suspendedUntil();
        if (!date.isAfter(end)) {
          return new Payable(nationalCode, date, false, "R-PERS-9", "服务协议中止期间（" + m.effectiveOn() + " 至 " + end
              + "），医保基金不予支付（急诊、抢救除外），不得转嫁参保人员", "Agreement suspended " + m.effectiveOn() + " to " + end
              + ": not paid by the fund (emergencies excepted)", m.caseNo());
        }
      }
    }
    List<PersonAgreement> all = personnel.agreementsOfUnchecked(p.id());
    // R-PERS-1: a term that ends without a cancellation renews by itself, so a later date is covered too
    boolean inForce = all.stream().anyMatch(a -> a.covers(date)
        && (PersonAgreement.ACTIVE.equals(a.state())
            || PersonAgreement.SUSPENDED.equals(a.state()) && !Boolean.TRUE.equals(a.followsInstitution())
            || date.isBefore(a.stateSince().atZoneSameInstant(WorkingDayCalendar.ZONE).toLocalDate())));
    if (!inForce) {
      return new Payable(nationalCode, date, false, "R-PERS-11", "该日没有正在履行的服务协议（含随执业机构中止或解除），医保基金不予支付",
          "No agreement in force on that date (incl. following the institution): not paid by the fund", null);
    }
    return new Payable(nationalCode, date, true, "R-PERS-9", "可由医保基金支付", "Payable by the fund", null);
  }
}
