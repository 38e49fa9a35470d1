package org.yibaoflow.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.yibaoflow.support.IntegrationTest;
import org.yibaoflow.support.Jobs;

/**
 * R-EVA-1 at province scale: a campaign of 10,000 agreements (a test-only region of its own, so no other test
 * sees its instances) starts exactly 10,000 instances in batches; a batch that fails leaves nothing behind
 * (engine and domain rows share the Spring transaction); an interrupted campaign continues where it stopped,
 * and a campaign started again adds none.
 */
@IntegrationTest
class EvaluationCampaignScaleIT {

  static final int AGREEMENTS = 10_000;

  @Autowired
  EvaluationCampaignService campaigns;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  ManagementService managementService;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  PlatformTransactionManager transactions;

  @Test
  void tenThousandAgreementsStartExactlyTenThousandEvaluationsAndARestartAddsNone() {
    String region = "it-eva-" + UUID.randomUUID().toString().substring(0, 8);
    int year = LocalDate.now().getYear();
    CampaignBulk.insert(jdbc, region, AGREEMENTS, year);
    EvaluationCampaign campaign = campaigns.open(region, year, "it");
    assertThat(campaign.totalAgreements()).isEqualTo(AGREEMENTS);

    // two batches, then a batch that fails after starting its instances: all of it is rolled back
    campaigns.runNextBatch(campaign.id());
    campaigns.runNextBatch(campaign.id());
    assertThat(instances(region)).isEqualTo(500);
    TransactionTemplate tx = new TransactionTemplate(transactions);
    assertThatThrownBy(() -> tx.executeWithoutResult(s -> {
      assertThat(campaigns.runNextBatch(campaign.id()).started()).isEqualTo(250);
      assertThat(instances(region)).isEqualTo(750);
      throw new IllegalStateException("crash in the middle of the campaign");
    })).hasMessageContaining("crash");
    assertThat(instances(region)).isEqualTo(500);
    assertThat(items(campaign.id())).isEqualTo(500);

    // started again: the runner process continues after the cursor, one batch per job
    campaigns.ensureRunner(campaigns.open(region, year, "it"));
    ProcessInstance runner = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(
        EvaluationCampaign.businessKey(region, year)).singleResult();
    assertThat(runner.getTenantId()).isEqualTo(region);
    for (int i = 0; i < 100 && !ended(runner.getId()); i++) {
      Jobs.executeDue(managementService, runner.getId());
    }
    assertThat(ended(runner.getId())).isTrue();
    assertThat(instances(region)).isEqualTo(AGREEMENTS);
    assertThat(items(campaign.id())).isEqualTo(AGREEMENTS);
    assertThat(jdbc.queryForObject("SELECT COUNT(DISTINCT business_key) FROM evaluation_item WHERE campaign_id = ?",
        Integer.class, campaign.id())).isEqualTo(AGREEMENTS);
    CampaignProgress progress = campaigns.progressUnchecked(campaign.id());
    assertThat(progress.status()).isEqualTo(EvaluationCampaign.ALL_STARTED);
    assertThat(progress.started()).isEqualTo(AGREEMENTS);

    // started once more: nothing to do, nothing added
    campaigns.ensureRunner(campaigns.open(region, year, "it"));
    assertThat(campaigns.runNextBatch(campaign.id())).isEqualTo(new EvaluationCampaignService.BatchResult(0, true));
    assertThat(instances(region)).isEqualTo(AGREEMENTS);

    // even a lost cursor cannot start an agreement twice: the unique constraints refuse the batch
    jdbc.update("UPDATE evaluation_campaign SET last_agreement_id = 0, status = 'STARTING' WHERE id = ?",
        campaign.id());
    assertThatThrownBy(() -> campaigns.runNextBatch(campaign.id()))
        .isInstanceOf(DataIntegrityViolationException.class);
    assertThat(instances(region)).isEqualTo(AGREEMENTS);
  }

  private long instances(String region) {
    return runtimeService.createProcessInstanceQuery().processDefinitionKey("annual-evaluation").tenantIdIn(region)
        .count();
  }

  private int items(long campaignId) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM evaluation_item WHERE campaign_id = ?", Integer.class, campaignId);
  }

  private boolean ended(String pi) {
    return runtimeService.createProcessInstanceQuery().processInstanceId(pi).count() == 0;
  }
}
