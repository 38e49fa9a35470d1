package org.yibaoflow.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

/**
 * Text operations on the engine's own MyBatis mappings, for {@link TaskQueryAuthExists}: find an element by its id,
 * replace one exact passage (whitespace-insensitive) and fail when it is not there exactly once, so that an engine
 * upgrade that changes the text stops the start-up instead of running another query; and the authorization check
 * as one {@code EXISTS} per resource id the engine's join compares.
 */
final class EngineMapperText {

  static final String AUTH = "org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity.";
  /** The engine's where-condition on the joined authorization rows: replaced by {@link #existsCheck}. */
  static final String ENGINE_CHECK = "<include refid=\"" + AUTH + "contextualAuthorizationCheck\" />";
  /** What stands where the engine's authorization join was. */
  static final String JOIN_REMOVED = "<!-- authorization join: an EXISTS in the where clause -->";
  private static final String ENTITIES = "org.camunda.bpm.engine.impl.persistence.entity.";

  private EngineMapperText() {
  }

  /**
   * The same grants as the engine's join (AuthorizationEntity.authCheckJoinWithoutOnClauseWithBinding: grants and
   * globals, TYPE_ &lt; 2, of the user, '*' or the user's groups, with the query's permission checks), asked per
   * row, one EXISTS per resource id joined by OR: a row passes the join's {@code AUTH.RESOURCE_ID_ IS NOT NULL}
   * (join condition {@code AUTH.RESOURCE_ID_ in (ids)}) exactly when one of these grants exists. Case tasks and case
   * variables pass as in the engine's contextualAuthorizationCheck; revoke checks keep the engine's condition.
   */
  static String existsCheck(List<String> resourceIds) {
    return """
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
        </if>""".formatted(AUTH, String.join("\n              OR ",
        resourceIds.stream().map(EngineMapperText::grant).toList()));
  }

  /**
   * One EXISTS per resource id: an equality each, so the database looks the grant up by ACT_IDX_AUTH_RESOURCE_ID
   * (H2 scanned with the IN list of columns: 4.7-5.3 s for the count at 100,000 open tasks, against 1.0-1.9 s this
   * way).
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

  /** The start of a mapper of {@code namespace}; the caller appends its elements and {@code </mapper>}. */
  static StringBuilder mapperStart(String namespace) {
    return new StringBuilder("""
        <?xml version="1.0" encoding="UTF-8" ?>
        <!DOCTYPE mapper PUBLIC "-//mybatis.org//DTD Mapper 3.0//EN" "http://mybatis.org/dtd/mybatis-3-mapper.dtd">
        """).append("<mapper namespace=\"").append(namespace).append("\">\n");
  }

  /**
   * The engine's select {@code statement}, renamed with {@link TaskQueryAuthExists#SUFFIX}, its result map (if any,
   * e.g. "TaskEntity.taskResultMap") named in full.
   */
  static String statement(String engineXml, String statement, String resultMap) {
    String select = element(engineXml, "select", statement)
        .replace("id=\"" + statement + "\"", "id=\"" + statement + TaskQueryAuthExists.SUFFIX + "\"");
    if (resultMap == null) {
      return select;
    }
    String name = resultMap.substring(resultMap.indexOf('.') + 1);
    return replaceOnce(select, "resultMap=\"" + name + "\"", "resultMap=\"" + ENTITIES + resultMap + "\"");
  }

  /** The element {@code <tag id="id" ...>...</tag>} of the engine's text; fails if there is none. */
  static String element(String xml, String tag, String id) {
    Matcher m = Pattern.compile("<" + tag + " id=\"" + id + "\"[^>]*>.*?</" + tag + ">", Pattern.DOTALL)
        .matcher(xml);
    if (!m.find()) {
      throw new IllegalStateException("engine mapping has no <" + tag + " id=\"" + id + "\">: engine changed?");
    }
    return m.group();
  }

  /**
   * Replaces the one occurrence of {@code text} (whitespace-insensitive) by {@code by}, in which {@code $0} stands
   * for the text found; fails if there is not exactly one.
   */
  static String replaceOnce(String in, String text, String by) {
    Pattern regex = Pattern.compile(String.join("\\s+", Arrays.stream(text.strip().split("\\s+"))
        .map(Pattern::quote).toList()));
    Matcher m = regex.matcher(in);
    if (!m.find()) {
      throw new IllegalStateException("engine mapping: no occurrence of " + text.strip()
          + ": engine changed? (TaskQueryAuthExists)");
    }
    int start = m.start();
    int end = m.end();
    if (m.find()) {
      throw new IllegalStateException("engine mapping: more than one occurrence of " + text.strip()
          + ": engine changed? (TaskQueryAuthExists)");
    }
    return in.substring(0, start) + by.replace("$0", in.substring(start, end))
        + in.substring(end);
  }

  /** An engine mapping file from the engine jar, e.g. {@code org/camunda/bpm/engine/impl/mapping/entity/Task.xml}. */
  static String engineXml(String path) {
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
