package org.yibaoflow.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The rewrite of the engine's task and variable query statements (issue 20 item 2) on the Task.xml and
 * VariableInstance.xml of the engine on the class path: the authorization join is gone, the check is one EXISTS per
 * resource id the join compared, the candidate link of a plain candidate query is an EXISTS, everything else is the
 * engine's text; an engine text that changed stops the rewrite instead of producing another query. That the
 * rewritten statements return the engine's rows is TaskQueryWithExistsIT's job.
 */
class TaskQueryAuthExistsTest {

  @Test
  void theJoinBecomesOneExistsPerResourceIdAndTheRestStaysTheEngines() throws Exception {
    String mapper = TaskQueryText.mapper(engineXml("Task.xml"), true);

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
    // the candidate link: joined only when the EXISTS cannot stand for it; distinct only when a task can repeat
    assertThat(mapper).contains("<if test=\"I_JOIN &amp;&amp; !CANDIDATE_SUBQUERY\">",
        "and RES.ID_ IN (select I.TASK_ID_ from ${prefix}ACT_RU_IDENTITYLINK I where I.TASK_ID_ IS NOT NULL</if>"
            + " and I.TYPE_ = 'candidate'",
        "<if test=\"CANDIDATE_SUBQUERY\">)</if>", "select <if test=\"!TASKS_UNIQUE\">${distinct}</if>",
        "<when test=\"TASKS_UNIQUE\">select count(RES.ID_)</when>",
        "<bind name=\"CANDIDATE_SUBQUERY\" value=\"true &amp;&amp; CANDIDATE_QUERIES == 1");
    // H2: the engine's identity-link join stays for candidate queries
    assertThat(TaskQueryText.mapper(engineXml("Task.xml"), false))
        .contains("<bind name=\"CANDIDATE_SUBQUERY\" value=\"false &amp;&amp; CANDIDATE_QUERIES == 1");
  }

  @Test
  void theVariableQueryChecksItsFiveResourceIdsByExists() throws Exception {
    String mapper = TaskQueryAuthExists.variableMapper(engineXml("VariableInstance.xml"));

    assertThat(mapper).doesNotContain("authCheckJoinWithoutOnClause").doesNotContain("AUTH ON")
        .contains("<mapper namespace=\"" + TaskQueryAuthExists.VARIABLE_NAMESPACE + "\">")
        .contains("id=\"selectVariableInstanceByQueryCriteriaWithAuthExists\"")
        .contains("id=\"selectVariableInstanceCountByQueryCriteriaWithAuthExists\"")
        .contains("resultMap=\"org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity"
            + ".variableInstanceResultMap\"", "<sql id=\"actInstIdColumn\">");
    assertThat(mapper.split("EXISTS \\(SELECT 1 FROM \\$\\{prefix}ACT_RU_AUTHORIZATION A", -1)).hasSize(6);
    assertThat(mapper).contains("AND A.RESOURCE_ID_ = RES.PROC_INST_ID_)", "AND A.RESOURCE_ID_ = PROC_EXECUTION.ID_)",
        "AND A.RESOURCE_ID_ = PROCDEF.KEY_)", "AND A.RESOURCE_ID_ = RES.TASK_ID_)", "AND A.RESOURCE_ID_ = '*')");
  }

  @Test
  void anEngineWhoseTextChangedStopsTheRewrite() throws Exception {
    String changed = engineXml("Task.xml").replace("AUTH ON (AUTH.RESOURCE_ID_", "AUTH ON (AUTH.RESOURCE_ID2_");
    String candidate = engineXml("Task.xml").replace("and I.TYPE_ = 'candidate'", "and I.TYPE_ = 'candidates'");
    String variable = engineXml("VariableInstance.xml").replace("${authJoinSeparator} RES.TASK_ID_", "");

    assertThatThrownBy(() -> TaskQueryText.mapper(changed, false)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("engine changed?");
    assertThatThrownBy(() -> TaskQueryText.mapper(candidate, false)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("engine changed?");
    assertThatThrownBy(() -> TaskQueryAuthExists.variableMapper(variable)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("engine changed?");
  }

  private static String engineXml(String file) throws Exception {
    try (InputStream in = TaskQueryAuthExistsTest.class.getClassLoader()
        .getResourceAsStream("org/camunda/bpm/engine/impl/mapping/entity/" + file)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
