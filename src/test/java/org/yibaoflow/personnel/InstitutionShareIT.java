package org.yibaoflow.personnel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.yibaoflow.institution.Agreement;
import org.yibaoflow.institution.AgreementService;
import org.yibaoflow.institution.AgreementState;
import org.yibaoflow.institution.Institution;
import org.yibaoflow.institution.InstitutionService;
import org.yibaoflow.institution.NewInstitution;
import org.yibaoflow.institution.TransitionCommand;
import org.yibaoflow.support.IntegrationTest;
import org.yibaoflow.support.RegistryFixtures;
import org.yibaoflow.support.TestClock;

/**
 * R-PERS-10 on the database: after "no measure" a new proposal comes when the share of suspended or terminated
 * personnel rises again in the same year (not for the same share, not after a measure), and an institution
 * suspended for the share resumes when its period is over.
 */
@IntegrationTest
class InstitutionShareIT {

  @Autowired
  MeasureMapper mapper;
  @Autowired
  ShareSuspensions shareSuspensions;
  @Autowired
  InstitutionService institutions;
  @Autowired
  AgreementService agreements;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  TestClock testClock;
  @Autowired
  Clock clock;

  @AfterEach
  void resetClock() {
    testClock.reset();
  }

  Institution institution() {
    return institutions.register(new NewInstitution("huaibei", RegistryFixtures.institutionCode("HOSPITAL"),
        "比例测试医院" + System.nanoTime(), "HOSPITAL", RegistryFixtures.creditCode("340600"), "二级", List.of(),
        List.of(), "集成测试", null));
  }

  @Test
  void afterNoMeasureARiseInTheShareProposesAgainButTheSameShareDoesNot() {
    long id = institution().id();
    OffsetDateTime now = OffsetDateTime.now(clock);
    assertThat(mapper.insertProposalIfAbsent("huaibei", id, 2026, 3, 10, "RY-T-1", now)).isEqualTo(1);
    assertThat(mapper.insertProposalIfAbsent("huaibei", id, 2026, 4, 10, "RY-T-2", now)).as("pending").isZero();
    assertThat(mapper.decideProposal(id, 2026, "NONE", "情节轻微，暂不处理")).isEqualTo(1);

    assertThat(mapper.insertProposalIfAbsent("huaibei", id, 2026, 3, 10, "RY-T-3", now)).as("same share").isZero();
    assertThat(mapper.insertProposalIfAbsent("huaibei", id, 2026, 4, 10, "RY-T-4", now)).as("risen").isEqualTo(1);
    assertThat(jdbc.queryForList("SELECT proposal_round FROM institution_personnel_proposal WHERE institution_id = ?"
        + " ORDER BY proposal_round", Integer.class, id)).containsExactly(1, 2);
    assertThat(mapper.decideProposal(id, 2026, "SUSPEND", "比例继续上升")).isEqualTo(1);
    assertThat(mapper.insertProposalIfAbsent("huaibei", id, 2026, 5, 10, "RY-T-5", now)).as("after a measure")
        .isZero();
    // a new year starts afresh
    assertThat(mapper.insertProposalIfAbsent("huaibei", id, 2027, 3, 10, "RY-T-6", now)).isEqualTo(1);
  }

  @Test
  void aSuspensionForTheShareEndsAndTheAgreementResumes() {
    Institution i = institution();
    LocalDate today = LocalDate.now(clock);
    Agreement a = agreements.sign(i.id(), today.withDayOfYear(1), today.withDayOfYear(1).plusYears(1).minusDays(1),
        AgreementState.ACTIVE, "集成测试", null);
    agreements.transition(a.id(), new TransitionCommand(AgreementState.SUSPENDED, "PERSONNEL_THRESHOLD", "R-PERS-10",
        "相关人员比例达标中止", null));
    mapper.insertProposalIfAbsent("huaibei", i.id(), today.getYear(), 3, 10, "RY-T-7", OffsetDateTime.now(clock));
    mapper.decideProposal(i.id(), today.getYear(), "SUSPEND", "比例达标");
    LocalDate until = today.plusMonths(3);
    assertThat(mapper.proposalSuspendedUntil(i.id(), today.getYear(), until)).isEqualTo(1);

    shareSuspensions.resumeEnded();
    assertThat(agreements.find(a.id()).state()).as("within the period").isEqualTo(AgreementState.SUSPENDED);

    testClock.set(until.plusDays(1).atStartOfDay(clock.getZone()).plusHours(2).toInstant());
    shareSuspensions.resumeEnded();

    assertThat(agreements.find(a.id()).state()).isEqualTo(AgreementState.ACTIVE);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE entity_type = 'AGREEMENT' AND entity_id = ?"
        + " AND rule_id = 'R-PERS-10' AND to_state = 'ACTIVE'", Integer.class, a.id().toString())).isEqualTo(1);
    shareSuspensions.resumeEnded();
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE entity_type = 'AGREEMENT' AND entity_id = ?"
        + " AND rule_id = 'R-PERS-10' AND to_state = 'ACTIVE'", Integer.class, a.id().toString())).isEqualTo(1);
  }
}
