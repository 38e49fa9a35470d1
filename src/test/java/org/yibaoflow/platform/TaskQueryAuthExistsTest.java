package org.yibaoflow.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The rewrite of the engine's task query statements (issue 20 item 2) on the Task.xml of the engine on the class
 * path: the authorization join is gone, the check is three EXISTS on the resource ids the join compared, everything
 * else is the engine's text; a Task.xml whose text changed stops the rewrite instead of producing another query.
 * That the rewritten statements return the engine's rows is TaskQueryWithExistsIT's job.
 */
class TaskQueryAuthExistsTest {

  @Test
  void theJoinBecomesOneExistsPerResourceIdAndTheRestStaysTheEngines() throws Exception {
    String engine = engineTaskXml();
    String mapper = TaskQueryAuthExists.mapper(engine);

    assertThat(mapper).doesNotContain("authCheckJoinWithoutOnClause").doesNotContain("AUTH ON")
        .contains("<mapper namespace=\"" + TaskQueryAuthExists.NAMESPACE + "\">")
        .contains("id=\"selectTaskByQueryCriteriaWithAuthExists\"")
        .contains("id=\"selectTaskCountByQueryCriteriaWithAuthExists\"")
        .contains("resultMap=\"org.camunda.bpm.engine.impl.persistence.entity.TaskEntity.taskResultMap\"");
    assertThat(mapper.split("EXISTS \\(SELECT 1 FROM \\$\\{prefix}ACT_RU_AUTHORIZATION A", -1)).hasSize(4);
    assertThat(mapper).contains("AND A.RESOURCE_ID_ = RES.ID_)", "AND A.RESOURCE_ID_ = D.KEY_)",
        "AND A.RESOURCE_ID_ = '*')", "A.TYPE_ &lt; 2", "atomicChecksOnResourceTypeAndPerms");
    // revoke checks (authorizationCheckRevokes) keep the engine's own condition
    assertThat(mapper).contains("<when test=\"authCheck.revokeAuthorizationCheckEnabled\">",
        "AuthorizationEntity.contextualAuthorizationCheck");
    // the criteria are the engine's: e.g. candidate groups, the tenant check
    assertThat(mapper).contains("I.GROUP_ID_ IN", "TenantEntity.queryTenantCheck");
  }

  @Test
  void anEngineWhoseTextChangedStopsTheRewrite() throws Exception {
    String changed = engineTaskXml().replace("AUTH ON (AUTH.RESOURCE_ID_", "AUTH ON (AUTH.RESOURCE_ID2_");

    assertThatThrownBy(() -> TaskQueryAuthExists.mapper(changed)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("engine changed?");
  }

  private static String engineTaskXml() throws Exception {
    try (InputStream in = TaskQueryAuthExistsTest.class.getClassLoader()
        .getResourceAsStream("org/camunda/bpm/engine/impl/mapping/entity/Task.xml")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
