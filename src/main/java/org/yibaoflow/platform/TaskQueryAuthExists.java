package org.yibaoflow.platform;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * engine's {@code Task.xml}) with one change: the join is replaced by
 * {@code EXISTS (select 1 from ACT_RU_AUTHORIZATION A where <the same grant conditions> and A.RESOURCE_ID_ = x)}
 * for x = RES.ID_, D.KEY_ and '*', joined by OR (the EXISTS shape Operaton adopted, operaton/operaton#3152; one
 * EXISTS per resource id so that each is an index lookup). Same rows: a task passes the join's
 * {@code AUTH.RESOURCE_ID_ IS NOT NULL} (join condition {@code AUTH.RESOURCE_ID_ in (RES.ID_, D.KEY_, '*')})
 * exactly when one of these rows exists. The statements are taken from the
 * engine jar at start-up and changed in two places found by their exact text, so every other criterion stays the
 * engine's; if an engine upgrade changes that text, start-up fails here instead of running a different query.
 * Revoke checks ({@code authorizationCheckRevokes}, not used by this application) keep the engine's own SQL.
 * Only for H2 and PostgreSQL, the databases this application runs on. {@code TaskQueryWithExistsIT} compares both
 * shapes on mixed data; {@code yibao.engine.task-query-exists=false} switches back to the engine's statements.
 */
@Component
class TaskQueryAuthExists extends AbstractProcessEnginePlugin {

  static final String NAMESPACE = "org.yibaoflow.platform.TaskQueryAuthExists";
  static final String SUFFIX = "WithAuthExists";
  static final Set<String> STATEMENTS = Set.of("selectTaskByQueryCriteria", "selectTaskCountByQueryCriteria");
  private static final String ENGINE_NAMESPACE = "org.camunda.bpm.engine.impl.persistence.entity.TaskEntity";
  private static final String AUTH = "org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity.";

  /** The engine's join of the authorization rows (Task.xml, selectTaskByQueryCriteriaSql): removed. */
  static final String ENGINE_JOIN = """
      <if test="!authCheck.revokeAuthorizationCheckEnabled">
        <include refid="org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity.authCheckJoinWithoutOnClause" />
        AUTH ON (AUTH.RESOURCE_ID_ ${authJoinStart} RES.ID_ ${authJoinSeparator} D.KEY_ ${authJoinSeparator} '*' ${authJoinEnd})
      </if>""";
  /** The engine's where-condition on the joined rows: replaced by {@link #EXISTS_CHECK}. */
  static final String ENGINE_CHECK =
      "<include refid=\"" + AUTH + "contextualAuthorizationCheck\" />";
  /**
   * The same grants as the engine's join (AuthorizationEntity.authCheckJoinWithoutOnClauseWithBinding: grants and
   * globals, TYPE_ &lt; 2, of the user, '*' or the user's groups, with the query's permission checks), asked per
   * task; case tasks pass as in the engine's contextualAuthorizationCheck.
   */
  static final String EXISTS_CHECK = """
      <if test="authCheck.shouldPerformAuthorizatioCheck &amp;&amp; authCheck.authUserId != null">
        <choose>
          <when test="authCheck.revokeAuthorizationCheckEnabled">
            <include refid="%1$scontextualAuthorizationCheck" />
          </when>
          <otherwise>
            <bind name="authGroupIds" value="authCheck.authGroupIds" />
            <bind name="atomicChecks" value="authCheck.permissionChecks.atomicChecks" />
            <bind name="disjunctive" value="authCheck.permissionChecks.disjunctive" />
            and (
            <if test="applyAuthorizationCheckForCaseInstances">(RES.CASE_EXECUTION_ID_ IS NOT NULL) OR</if>
            %2$s
            )
          </otherwise>
        </choose>
      </if>""".formatted(AUTH, String.join("\n            OR ", java.util.List.of(grant("RES.ID_"), grant("D.KEY_"),
      grant("'*'"))));

  /**
   * One EXISTS per resource id the engine's join compares (RES.ID_, D.KEY_, '*'): an equality each, so the
   * database looks the grant up by ACT_IDX_AUTH_RESOURCE_ID (H2 scanned with the IN list of columns: 4.7-5.3 s
   * for the count at 100,000 open tasks, against 1.0-1.9 s this way).
   */
  private static String grant(String resourceId) {
    return """
        EXISTS (SELECT 1 FROM ${prefix}ACT_RU_AUTHORIZATION A
                WHERE A.TYPE_ &lt; 2
                AND ( A.USER_ID_ in ( #{authCheck.authUserId, jdbcType=VARCHAR}, '*')
                <if test="authGroupIds != null &amp;&amp; authGroupIds.size > 0">
                  OR A.GROUP_ID_ IN <foreach item="item" index="index" collection="authGroupIds" open="(" separator="," close=")">#{item}</foreach>
                </if>
                )
                <include refid="%satomicChecksOnResourceTypeAndPerms" />
                AND A.RESOURCE_ID_ = %s)""".formatted(AUTH, resourceId);
  }

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
    byte[] mapper = mapper(engineTaskXml()).getBytes(StandardCharsets.UTF_8);
    new XMLMapperBuilder(new ByteArrayInputStream(mapper), mybatis, NAMESPACE.replace('.', '/') + ".xml",
        mybatis.getSqlFragments()).parse();
    sessions = configuration.getDbSqlSessionFactory();
    // the engine's map is shared by every engine of its database type in this JVM: change a copy only
    engineMappings = sessions.getStatementMappings();
    Map<String, String> mine = engineMappings == null ? new HashMap<>() : new HashMap<>(engineMappings);
    STATEMENTS.forEach(s -> mine.put(s, NAMESPACE + "." + s + SUFFIX));
    existsMappings = mine;
    sessions.setStatementMappings(mine);
  }

  /**
   * For TaskQueryWithExistsIT and TasklistBenchmark, which compare both shapes in one engine: true runs the
   * engine's own task query statements from now on, false this class's. Not for production code.
   */
  void useEngineStatements(boolean engine) {
    if (sessions == null) {
      throw new IllegalStateException("the EXISTS shape is not installed (disabled or another database)");
    }
    sessions.setStatementMappings(engine ? engineMappings : existsMappings);
  }

  /** The mapper of the two statements: the engine's text with the join removed and the check replaced. */
  static String mapper(String taskXml) {
    String fragment = element(taskXml, "sql", "selectTaskByQueryCriteriaSql");
    fragment = replaceOnce(fragment, ENGINE_JOIN, "<!-- authorization join: an EXISTS in the where clause -->");
    fragment = replaceOnce(fragment, ENGINE_CHECK, EXISTS_CHECK);
    StringBuilder xml = new StringBuilder("""
        <?xml version="1.0" encoding="UTF-8" ?>
        <!DOCTYPE mapper PUBLIC "-//mybatis.org//DTD Mapper 3.0//EN" "http://mybatis.org/dtd/mybatis-3-mapper.dtd">
        """).append("<mapper namespace=\"").append(NAMESPACE).append("\">\n");
    for (String statement : STATEMENTS) {
      String select = element(taskXml, "select", statement)
          .replace("id=\"" + statement + "\"", "id=\"" + statement + SUFFIX + "\"")
          .replace("resultMap=\"taskResultMap\"", "resultMap=\"" + ENGINE_NAMESPACE + ".taskResultMap\"");
      xml.append(select).append('\n');
    }
    xml.append(element(taskXml, "sql", "columnSelection")).append('\n').append(fragment).append("\n</mapper>\n");
    return xml.toString();
  }

  private static String element(String xml, String tag, String id) {
    Matcher m = Pattern.compile("<" + tag + " id=\"" + id + "\"[^>]*>.*?</" + tag + ">", Pattern.DOTALL)
        .matcher(xml);
    if (!m.find()) {
      throw new IllegalStateException("engine Task.xml has no <" + tag + " id=\"" + id + "\">: engine changed?");
    }
    return m.group();
  }

  /** Replaces the one occurrence of {@code text} (whitespace-insensitive); fails if there is not exactly one. */
  static String replaceOnce(String in, String text, String by) {
    String regex = String.join("\\s+", java.util.Arrays.stream(text.strip().split("\\s+")).map(Pattern::quote)
        .toList());
    Matcher m = Pattern.compile(regex).matcher(in);
    if (!m.find() || m.find(m.end())) {
      throw new IllegalStateException("engine Task.xml: not exactly one occurrence of " + text.strip()
          + ": engine changed? (TaskQueryAuthExists)");
    }
    Matcher first = Pattern.compile(regex).matcher(in);
    first.find();
    return in.substring(0, first.start()) + by + in.substring(first.end());
  }

  private static String engineTaskXml() {
    String path = "org/camunda/bpm/engine/impl/mapping/entity/Task.xml";
    try (InputStream in = ProcessEngineConfigurationImpl.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("engine mapping " + path + " not found");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
