package org.yibaoflow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.repository.Resource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.yibaoflow.support.IntegrationTest;
import org.yibaoflow.support.ModelerFiles;

/** processes/ and forms/ are deployed at start-up with stable names; a restart with no change adds nothing. */
@IntegrationTest
class DeploymentIT {

  @Autowired
  ProcessDeployer deployer;
  @Autowired
  RepositoryService repositoryService;

  @Test
  void everyModelerFileIsDeployedWithItsFormsInOneDeployment() {
    ProcessDefinition designation = repositoryService.createProcessDefinitionQuery().processDefinitionKey("designation")
        .latestVersion().singleResult();
    assertThat(designation.getTenantId()).as("shared by all regions").isNull();
    assertThat(designation.getHistoryTimeToLive()).isPositive();
    List<String> names = repositoryService.getDeploymentResources(designation.getDeploymentId()).stream()
        .map(Resource::getName).toList();
    assertThat(names).contains("processes/designation.bpmn", "forms/designation-application.form",
        "forms/designation-acceptance.form");
    long processes = ModelerFiles.bpmn().size();
    assertThat(repositoryService.createProcessDefinitionQuery().latestVersion().count()).isEqualTo(processes);
  }

  @Test
  void aRestartWithUnchangedFilesMakesNoNewVersion() {
    long deployments = repositoryService.createDeploymentQuery().deploymentName(ProcessDeployer.DEPLOYMENT_NAME).count();
    int version = repositoryService.createProcessDefinitionQuery().processDefinitionKey("designation").latestVersion()
        .singleResult().getVersion();

    assertThat(deployer.deploy()).isNull();

    assertThat(repositoryService.createDeploymentQuery().deploymentName(ProcessDeployer.DEPLOYMENT_NAME).count())
        .isEqualTo(deployments);
    assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("designation").latestVersion()
        .singleResult().getVersion()).isEqualTo(version);
  }
}
