package org.yibaoflow.personnel;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.yibaoflow.institution.AgreementState;
import org.yibaoflow.institution.AgreementTransitionListener;
import org.yibaoflow.institution.AgreementTransitioned;
import org.yibaoflow.platform.AuditEntry;
import org.yibaoflow.platform.AuditService;
import org.yibaoflow.platform.DomainRuleException;

/**
 * R-PERS-11: "定点医药机构被中止或解除服务协议的，其医保支付资格相关人员服务协议同时中止或解除" [004 §三(四)].
 * Runs inside the institution's transition: every person agreement at that institution follows, each
 * audited; one failure (e.g. a concurrent change of a person) rolls back the whole transition.
 *
 * <p>Several sites: a person signs one agreement per practice site [004 §三(二)] ("分别签订服务协议"), so
 * only the agreement at the suspended or terminated institution follows; the person keeps practising
 * under their other sites' agreements. When the institution's suspension ends (SUSPENDED -> ACTIVE),
 * the person agreements it suspended resume; those suspended for the person's own reasons do not.
 * Settlement suspension (暂停结算), expiry and non-renewal are not "中止或解除" and do not ripple.
 */
@Component
class PersonnelRipple implements AgreementTransitionListener {

  private final PersonnelMapper mapper;
  private final AuditService audit;
  private final Clock clock;

  PersonnelRipple(PersonnelMapper mapper, AuditService audit, Clock clock) {
    this.mapper = mapper;
    this.audit = audit;
    this.clock = clock;
  }

  /** What a person's agreement at the institution becomes; empty = unchanged. */
  record Change(String state, boolean followsInstitution) {
  }

  static Optional<Change> follow(PersonAgreement pa, AgreementState from, AgreementState to) {
    String s = pa.state();
    if (to == AgreementState.SUSPENDED && PersonAgreement.ACTIVE.equals(s)) {
      return Optional.of(new Change(PersonAgreement.SUSPENDED, true));
    }
    if (to == AgreementState.TERMINATED && !PersonAgreement.TERMINATED.equals(s)) {
      return Optional.of(new Change(PersonAgreement.TERMINATED, true));
    }
    if (from == AgreementState.SUSPENDED && to == AgreementState.ACTIVE && PersonAgreement.SUSPENDED.equals(s)
        && Boolean.TRUE.equals(pa.followsInstitution())) {
      return Optional.of(new Change(PersonAgreement.ACTIVE, false));
    }
    return Optional.empty();
  }

  @Override
  @Transactional(propagation = Propagation.MANDATORY)
  public void onTransition(AgreementTransitioned e) {
    OffsetDateTime now = OffsetDateTime.now(clock);
    for (PersonAgreement pa : mapper.agreementsAt(e.institutionId())) {
      Optional<Change> change = follow(pa, e.from(), e.to());
      if (change.isEmpty()) {
        continue;
      }
      Change c = change.get();
      // following the institution sets no end date and no re-sign bar: the person is not at fault (R-PERS-8
      // bars are for the person's own violations); an own bar already set is kept
      if (mapper.updateAgreement(pa.id(), pa.version(), c.state(), null, pa.barUntil(), c.followsInstitution(),
          now) == 0) {
        throw DomainRuleException.conflict("personnel", "R-PERS-11",
            "相关人员 " + pa.personId() + " 的服务协议已被他人同时变更，机构协议变更未执行，请重试",
            "The agreement of person " + pa.personId() + " changed concurrently; the institution's transition was not"
                + " applied, try again");
      }
      audit.record(AuditEntry.of(pa.region(), PersonnelService.AGREEMENT_ENTITY, pa.id().toString(),
          "FOLLOWS_INSTITUTION", pa.state(), c.state(), "R-PERS-11",
          "机构服务协议 " + e.agreementId() + " " + e.from() + " -> " + e.to() + "（" + e.ruleId() + "）：" + e.reason(),
          e.processInstanceId(), "personId=" + pa.personId() + ", institutionId=" + e.institutionId()
              + ", cause=" + e.cause()));
    }
  }
}
