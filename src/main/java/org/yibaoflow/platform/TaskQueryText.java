package org.yibaoflow.platform;

import static org.yibaoflow.platform.EngineMapperText.element;
import static org.yibaoflow.platform.EngineMapperText.replaceOnce;

import java.util.List;

/**
 * The task query mapper of {@link TaskQueryAuthExists}: the engine's {@code selectTaskByQueryCriteria} and
 * {@code selectTaskCountByQueryCriteria} (Task.xml) with three changes, each made on the engine's exact text:
 * <ol>
 * <li>the authorization join becomes one EXISTS per resource id (RES.ID_, D.KEY_, '*');
 * <li>{@code CANDIDATE_SUBQUERY}: when the candidate criteria (candidate user, groups, group like, with candidate
 * users or groups) sit in exactly one of the query's (OR-)queries and no query asks for an involved user, the
 * identity links are not joined and that one candidate condition reads
 * {@code RES.ID_ IN (select I.TASK_ID_ from ACT_RU_IDENTITYLINK I where I.TASK_ID_ IS NOT NULL and <the engine's
 * conditions on I>)}. Same rows: the engine's LEFT JOIN keeps a task when one of its link rows satisfies the where
 * clause, and I is named only in that one condition, which is a conjunction of conditions on I and on RES, so such
 * a row exists exactly when the task's id is among those links' task ids. With two candidate conditions (in two
 * OR-queries) or an involved user the engine's join stays, since there one link row must satisfy both. An
 * uncorrelated {@code IN}, not a correlated {@code EXISTS}: PostgreSQL plans both as the same semi-join, but H2
 * looked the correlated one up by the group index for every task (8.5 s for 10,000 open tasks). Only on PostgreSQL:
 * H2 answered the {@code IN} with a primary-key lookup per link and a sort of all of them (the bare engine's page
 * and count 0.8 s at 100,000 open tasks against 0.17 s with the engine's join, 2026-12-07), so on H2 candidate
 * queries keep the join;
 * <li>{@code TASKS_UNIQUE}: when the identity links are not joined and no ordering joins a variable, every other
 * join is on a primary key (process definition, executions, case definition and execution) and cannot repeat a
 * task, so the list leaves out {@code distinct} and the count counts rows: a page of 15 sorted by an indexed column
 * then stops after 15 rows instead of sorting every visible task.
 * </ol>
 */
final class TaskQueryText {

  /** The engine's join of the authorization rows (Task.xml, selectTaskByQueryCriteriaSql): removed. */
  static final String ENGINE_JOIN = """
      <if test="!authCheck.revokeAuthorizationCheckEnabled">
        <include refid="org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity.authCheckJoinWithoutOnClause" />
        AUTH ON (AUTH.RESOURCE_ID_ ${authJoinStart} RES.ID_ ${authJoinSeparator} D.KEY_ ${authJoinSeparator} '*' ${authJoinEnd})
      </if>""";
  /** The end of the engine's candidate condition: the subquery closes before the trim does. */
  static final String CANDIDATE_END = """
      <if test="query.withCandidateUsers">
        and I.USER_ID_ is not null
      </if>
      </trim>""";
  static final String COUNT_HEAD = "${countDistinctBeforeStart} RES.ID_ ${countDistinctBeforeEnd}";
  /** Which shape a query gets; included first in both statements, before anything reads the flags. */
  static final String SHAPE = """
      <sql id="taskRowShape">
        <bind name="CANDIDATE_QUERIES" value="0" />
        <bind name="INVOLVED_USER" value="false" />
        <bind name="ORDER_RELATIONS" value="false" />
        <foreach collection="queries" item="query">
          <if test="query != null &amp;&amp; (query.candidateUser != null || query.candidateGroups != null
                    || query.candidateGroupLike != null || query.withCandidateGroups || query.withCandidateUsers)">
            <bind name="CANDIDATE_QUERIES" value="CANDIDATE_QUERIES + 1" />
          </if>
          <if test="query != null &amp;&amp; query.involvedUser != null">
            <bind name="INVOLVED_USER" value="true" />
          </if>
        </foreach>
        <foreach collection="orderingProperties" item="orderingProperty">
          <if test="orderingProperty.relation != null">
            <bind name="ORDER_RELATIONS" value="true" />
          </if>
        </foreach>
        <bind name="CANDIDATE_SUBQUERY" value="%s &amp;&amp; CANDIDATE_QUERIES == 1 &amp;&amp; !INVOLVED_USER" />
        <bind name="TASKS_UNIQUE"
              value="(CANDIDATE_QUERIES == 0 || CANDIDATE_SUBQUERY)
                     &amp;&amp; !INVOLVED_USER &amp;&amp; !ORDER_RELATIONS" />
      </sql>""";
  private static final String SHAPE_INCLUDE = "<include refid=\"taskRowShape\" />";

  private TaskQueryText() {
  }

  /**
   * The mapper of the two statements, in {@link TaskQueryAuthExists#NAMESPACE}; {@code candidateSubquery} false keeps
   * the engine's identity-link join (and so its distinct) for candidate queries, as on H2.
   */
  static String mapper(String taskXml, boolean candidateSubquery) {
    String fragment = element(taskXml, "sql", "selectTaskByQueryCriteriaSql");
    fragment = replaceOnce(fragment, ENGINE_JOIN, EngineMapperText.JOIN_REMOVED);
    fragment = replaceOnce(fragment, EngineMapperText.ENGINE_CHECK,
        EngineMapperText.existsCheck(List.of("RES.ID_", "D.KEY_", "'*'")));
    fragment = replaceOnce(fragment, "<if test=\"I_JOIN\">", "<if test=\"I_JOIN &amp;&amp; !CANDIDATE_SUBQUERY\">");
    fragment = replaceOnce(fragment, "and I.TYPE_ = 'candidate'", "<if test=\"CANDIDATE_SUBQUERY\">"
        + "and RES.ID_ IN (select I.TASK_ID_ from ${prefix}ACT_RU_IDENTITYLINK I where I.TASK_ID_ IS NOT NULL</if> $0");
    fragment = replaceOnce(fragment, CANDIDATE_END, CANDIDATE_END.replace("</trim>",
        "<if test=\"CANDIDATE_SUBQUERY\">)</if>\n</trim>"));

    String list = EngineMapperText.statement(taskXml, "selectTaskByQueryCriteria", "TaskEntity.taskResultMap");
    list = replaceOnce(list, "select ${distinct}", SHAPE_INCLUDE
        + " select <if test=\"!TASKS_UNIQUE\">${distinct}</if>");
    String count = EngineMapperText.statement(taskXml, "selectTaskCountByQueryCriteria", null);
    count = replaceOnce(count, COUNT_HEAD, SHAPE_INCLUDE
        + "<choose><when test=\"TASKS_UNIQUE\">select count(RES.ID_)</when><otherwise>$0</otherwise></choose>");
    count = replaceOnce(count, "${countDistinctAfterEnd}", "<if test=\"!TASKS_UNIQUE\">$0</if>");

    return EngineMapperText.mapperStart(TaskQueryAuthExists.NAMESPACE).append(list).append('\n').append(count)
        .append('\n').append(SHAPE.formatted(candidateSubquery)).append('\n')
        .append(element(taskXml, "sql", "columnSelection")).append('\n').append(fragment).append("\n</mapper>\n")
        .toString();
  }
}
