package org.yibaoflow.evaluation;

import java.math.BigDecimal;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yibaoflow.institution.Institution;
import org.yibaoflow.institution.InstitutionService;
import org.yibaoflow.platform.AuditEntry;
import org.yibaoflow.platform.AuditService;
import org.yibaoflow.platform.DomainRuleException;

/**
 * The insurance settlement volume of an institution's year, delivered by the settlement system or a caseworker:
 * the annual evaluation reads it, and no settlement in the agreement year is a non-renewal case (R-EVA-5
 * [003 §二(二)]). Region-checked (another region's institution: 404), validated, audited.
 */
@Service
public class SettlementVolumeService {

  static final String RULE = "R-EVA-5";

  private final EvaluationMapper mapper;
  private final InstitutionService institutions;
  private final AuditService audit;

  SettlementVolumeService(EvaluationMapper mapper, InstitutionService institutions, AuditService audit) {
    this.mapper = mapper;
    this.institutions = institutions;
    this.audit = audit;
  }

  public record SettlementVolume(long institutionId, int year, BigDecimal amount) {
  }

  /** Records (or corrects) the year's settled amount in yuan; the previous amount is kept in the audit trail. */
  @Transactional
  public SettlementVolume record(long institutionId, int year, BigDecimal amount) {
    Institution institution = institutions.visible(institutionId);
    if (year < 2000 || year > 2100) {
      throw DomainRuleException.badRequest("year", RULE, "年度须在 2000 至 2100 之间", "year must be 2000..2100");
    }
    if (amount == null || amount.signum() < 0 || amount.scale() > 2 || amount.precision() - amount.scale() > 14) {
      throw DomainRuleException.badRequest("amount", RULE, "结算金额须为不小于 0 的金额（元，最多两位小数）",
          "amount must be a non-negative amount in yuan with at most two decimals");
    }
    BigDecimal before = mapper.settlementAmount(institutionId, year);
    if (mapper.updateSettlementAmount(institutionId, year, amount) == 0) {
      mapper.insertSettlementAmount(institutionId, year, amount);
    }
    audit.record(AuditEntry.of(institution.region(), "INSTITUTION", String.valueOf(institutionId),
        "SETTLEMENT_VOLUME_RECORDED", before == null ? null : before.toPlainString(), amount.toPlainString(), RULE,
        year + " 年度医保结算金额 " + amount.toPlainString() + " 元", null, "year=" + year));
    return new SettlementVolume(institutionId, year, amount);
  }

  /** The recorded amount of the year, or 404 when none was delivered. */
  @Transactional(readOnly = true)
  public SettlementVolume find(long institutionId, int year) {
    institutions.visible(institutionId);
    BigDecimal amount = mapper.settlementAmount(institutionId, year);
    if (amount == null) {
      throw DomainRuleException.notFound("年度结算金额 / settlement volume", institutionId + "/" + year);
    }
    return new SettlementVolume(institutionId, year, amount);
  }
}
