package org.yibaoflow.platform;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.ibatis.builder.xml.XMLMapperBuilder;
import org.apache.ibatis.session.Configuration;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.sql.DbSqlSessionFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The task list at 100,000 open tasks (issue 20 item 2): the engine's task query checks authorizations by a LEFT
 * JOIN of every matching authorization row and {@code count(distinct RES.ID_)}; with one {@code TASK} authorization
 * per task that count took 4-8 s at 100,000 open tasks on H2 (docs/operations.md). This plugin runs the engine's
 * own task query statements ({@code selectTaskByQueryCriteria}, {@code selectTaskCountByQueryCriteria} of the
 * engine's {@code Task.xml}) and its variable query statements (of {@code VariableInstance.xml}: Tasklist's card
 * variables, embedded in every HAL task list, took 0.8-1.1 s at 100,000 on PostgreSQL with the join) with these
 * changes, each found by its exact text:
 * <ul>
 * <li>the authorization join is replaced by {@link EngineMapperText#existsCheck one EXISTS per resource id} the join
 * compared (the EXISTS shape Operaton adopted, operaton/operaton#3152): same rows, since a row passes the join's
 * {@code AUTH.RESOURCE_ID_ IS NOT NULL} exactly when one of these grants exists;
 * <li>tasks ({@link TaskQueryText}): a query whose candidate criteria sit in one of its (OR-)queries and that asks
 * no involved user checks the candidate link by a subquery instead of a LEFT JOIN of the identity links (on
 * PostgreSQL; H2 does better with the join), and
 * when nothing can then repeat a task (no join of identity links, no ordering by a variable) the statements leave
 * out {@code distinct}, so a page of 15 can stop after 15 rows;
 * <li>{@code selectAuthorizedGroupIds} (every engine command of a user with groups runs it once: the distinct group
 * ids of all authorizations, a full scan of ACT_RU_AUTHORIZATION, 6-19 ms with one grant per open task at 100,000,
 * several times per Tasklist request) walks the group index from one group id to the next instead
 * ({@link #AUTHORIZED_GROUP_IDS}): the same non-null group ids, which is all the engine keeps of the answer (it
 * intersects it with the user's groups).
 * </ul>
 * Every other criterion stays the engine's; if an engine upgrade changes the text, start-up fails here instead of
 * running a different query. Revoke checks ({@code authorizationCheckRevokes}, not used by this application) keep
 * the engine's own condition. Only for H2 and PostgreSQL, the databases this application runs on.
 * {@code TaskQueryWithExistsIT} compares both shapes on mixed data; {@code yibao.engine.task-query-exists=false}
 * switches back to the engine's statements.
 */
@Component
class TaskQueryAuthExists extends AbstractProcessEnginePlugin {

  static final String NAMESPACE = "org.yibaoflow.platform.TaskQueryAuthExists";
  static final String VARIABLE_NAMESPACE = "org.yibaoflow.platform.VariableQueryAuthExists";
  static final String SUFFIX = "WithAuthExists";
  static final List<String> TASK_STATEMENTS = List.of("selectTaskByQueryCriteria", "selectTaskCountByQueryCriteria");
  static final List<String> VARIABLE_STATEMENTS = List.of("selectVariableInstanceByQueryCriteria",
      "selectVariableInstanceCountByQueryCriteria");
  private static final String MAPPINGS = "org/camunda/bpm/engine/impl/mapping/entity/";

  /** The engine's join of the authorization rows in the variable query (VariableInstance.xml): removed. */
  static final String VARIABLE_JOIN = """
      <if test="!authCheck.revokeAuthorizationCheckEnabled">
        <include refid="org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity.authCheckJoinWithoutOnClause" />
        AUTH ON (AUTH.RESOURCE_ID_ ${authJoinStart}
          RES.PROC_INST_ID_
          ${authJoinSeparator} PROC_EXECUTION.ID_
          ${authJoinSeparator} PROCDEF.KEY_
          ${authJoinSeparator} RES.TASK_ID_
          ${authJoinSeparator} '*'
          ${authJoinEnd}
        )
      </if>""";

  static final String GROUPS_NAMESPACE = "org.yibaoflow.platform.AuthorizedGroupIds";
  /**
   * The distinct group ids of the authorizations by ACT_IDX_AUTH_GROUP_ID, one index lookup per group (a recursive
   * query: the next group id greater than the last), on H2 and PostgreSQL alike.
   */
  static final String AUTHORIZED_GROUP_IDS = """
      <select id="selectAuthorizedGroupIds%s" resultType="string">
        WITH RECURSIVE G (GROUP_ID_) AS (
          (SELECT A.GROUP_ID_ FROM ${prefix}ACT_RU_AUTHORIZATION A WHERE A.GROUP_ID_ IS NOT NULL
           ORDER BY A.GROUP_ID_ LIMIT 1)
          UNION ALL
          SELECT (SELECT A.GROUP_ID_ FROM ${prefix}ACT_RU_AUTHORIZATION A WHERE A.GROUP_ID_ &gt; G.GROUP_ID_
                  ORDER BY A.GROUP_ID_ LIMIT 1)
          FROM G WHERE G.GROUP_ID_ IS NOT NULL)
        SELECT G.GROUP_ID_ FROM G WHERE G.GROUP_ID_ IS NOT NULL
      </select>""".formatted(SUFFIX);

  private final boolean enabled;
  private volatile DbSqlSessionFactory sessions;
  private volatile Map<String, String> engineMappings;
  private volatile Map<String, String> existsMappings;

  TaskQueryAuthExists(@Value("${yibao.engine.task-query-exists:true}") boolean enabled) {
    this.enabled = enabled;
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    String db = configuration.getDatabaseType();
    if (!enabled || !("h2".equals(db) || "postgres".equals(db))) {
      return;
    }
    Configuration mybatis = configuration.getSqlSessionFactory().getConfiguration();
    parse(mybatis, NAMESPACE, TaskQueryText.mapper(EngineMapperText.engineXml(MAPPINGS + "Task.xml"),
        "postgres".equals(db)));
    parse(mybatis, VARIABLE_NAMESPACE, variableMapper(EngineMapperText.engineXml(MAPPINGS + "VariableInstance.xml")));
    parse(mybatis, GROUPS_NAMESPACE, EngineMapperText.mapperStart(GROUPS_NAMESPACE).append(AUTHORIZED_GROUP_IDS)
        .append("\n</mapper>\n").toString());
    sessions = configuration.getDbSqlSessionFactory();
    // the engine's map is shared by every engine of its database type in this JVM: change a copy only
    engineMappings = sessions.getStatementMappings();
    Map<String, String> mine = engineMappings == null ? new HashMap<>() : new HashMap<>(engineMappings);
    TASK_STATEMENTS.forEach(s -> mine.put(s, NAMESPACE + "." + s + SUFFIX));
    VARIABLE_STATEMENTS.forEach(s -> mine.put(s, VARIABLE_NAMESPACE + "." + s + SUFFIX));
    mine.put("selectAuthorizedGroupIds", GROUPS_NAMESPACE + ".selectAuthorizedGroupIds" + SUFFIX);
    existsMappings = mine;
    sessions.setStatementMappings(mine);
  }

  private static void parse(Configuration mybatis, String namespace, String mapper) {
    new XMLMapperBuilder(new ByteArrayInputStream(mapper.getBytes(StandardCharsets.UTF_8)), mybatis,
        namespace.replace('.', '/') + ".xml", mybatis.getSqlFragments()).parse();
  }

  /**
   * For TaskQueryWithExistsIT and TasklistBenchmark, which compare both shapes in one engine: true runs the
   * engine's own statements (task and variable queries, group ids) from now on, false this class's. Not for
   * production code.
   */
  void useEngineStatements(boolean engine) {
    if (sessions == null) {
      throw new IllegalStateException("the EXISTS shape is not installed (disabled or another database)");
    }
    sessions.setStatementMappings(engine ? engineMappings : existsMappings);
  }

  /**
   * The variable query's mapper: the engine's text with the authorization join removed and the check as EXISTS on
   * the five resource ids the join compared (process instance, its execution, the definition key, the task, '*').
   */
  static String variableMapper(String variableXml) {
    String fragment = EngineMapperText.element(variableXml, "sql", "selectVariableInstanceByQueryCriteriaSql");
    fragment = EngineMapperText.replaceOnce(fragment, VARIABLE_JOIN, EngineMapperText.JOIN_REMOVED);
    fragment = EngineMapperText.replaceOnce(fragment, EngineMapperText.ENGINE_CHECK, EngineMapperText.existsCheck(
        List.of("RES.PROC_INST_ID_", "PROC_EXECUTION.ID_", "PROCDEF.KEY_", "RES.TASK_ID_", "'*'")));
    StringBuilder xml = EngineMapperText.mapperStart(VARIABLE_NAMESPACE);
    xml.append(EngineMapperText.statement(variableXml, VARIABLE_STATEMENTS.get(0),
        "VariableInstanceEntity.variableInstanceResultMap")).append('\n')
        .append(EngineMapperText.statement(variableXml, VARIABLE_STATEMENTS.get(1), null)).append('\n');
    xml.append(EngineMapperText.element(variableXml, "sql", "actInstIdColumn")).append('\n').append(fragment)
        .append("\n</mapper>\n");
    return xml.toString();
  }
}
