package org.yibaoflow.enforcement;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yibaoflow.institution.AgreementService;
import org.yibaoflow.institution.InstitutionService;
import org.yibaoflow.institution.Licence;

/**
 * R-VIO-3/4 "被吊销《医疗机构执业许可证》《药品经营许可证》或《营业执照》的，一律解除协议": recording a revoked licence
 * opens a violation case with the finding LICENCE_REVOKED (whose DMN path is the mandatory termination), so the
 * agreement is terminated inside the violation-case process, after its reviews and objection window, instead of
 * staying ACTIVE. The licence's id is the case's external reference: recording it twice opens one case.
 */
@Service
public class LicenceRevocations {

  static final String SOURCE = "REGULATOR_NOTICE";

  private final InstitutionService institutions;
  private final AgreementService agreements;
  private final ViolationIntakeService cases;

  LicenceRevocations(InstitutionService institutions, AgreementService agreements, ViolationIntakeService cases) {
    this.institutions = institutions;
    this.agreements = agreements;
    this.cases = cases;
  }

  /** The licence as recorded and the case opened (null when the institution has no agreement in force). */
  public record Recorded(Licence licence, String caseNo, boolean caseCreated) {
  }

  @Transactional
  public Recorded record(long institutionId, long licenceId, LocalDate revokedOn, String reason) {
    var revoked = institutions.revokeLicence(institutionId, licenceId, revokedOn, reason);
    var institution = revoked.institution();
    boolean inForce = agreements.ofInstitutionUnchecked(institution.id()).stream()
        .anyMatch(a -> ViolationIntakeService.IN_FORCE.contains(a.state()));
    if (!inForce) {
      return new Recorded(revoked.licence(), null, false);
    }
    var opened = cases.open(new ViolationIntakeService.Intake(institution.region(), SOURCE, institution.code(),
        List.of("LICENCE_REVOKED"), BigDecimal.ZERO, "LICENCE-REVOKED-" + licenceId,
        "证照 " + revoked.licence().number() + " 于 " + revokedOn + " 被吊销：" + reason.trim()));
    return new Recorded(revoked.licence(), opened.violationCase().caseNo(), opened.created());
  }
}
