package org.yibaoflow.platform;

import java.util.Arrays;
import java.util.Optional;

/**
 * The roles of an agency (Camunda groups). Every {@code /api} operation names the roles that may call it with
 * {@link AllowedRoles}; an operation without that annotation is refused to everybody (deny by default). The table
 * of operations and roles is {@code docs/security.md}.
 */
public enum Role {
  CASEWORKER("caseworker", "经办人员"),
  EXPERT("expert", "评估专家"),
  SUPERVISOR("supervisor", "科室负责人"),
  LEGAL("legal", "法制审核"),
  ADMINDEPT("admindept", "医保行政部门"),
  MODELER("modeler", "流程建模"),
  /** R-VIO-15: the only role that reads a named whistle-blower's identity and pays the reward (docs/whistleblower.md). */
  REPORTDESK("reportdesk", "举报人信息专员"),
  /** Camunda's administrators group: data correction, settings, users. */
  ADMIN(EngineUser.ADMIN_GROUP, "系统管理员");

  private final String groupId;
  private final String nameZh;

  Role(String groupId, String nameZh) {
    this.groupId = groupId;
    this.nameZh = nameZh;
  }

  public String groupId() {
    return groupId;
  }

  public String nameZh() {
    return nameZh;
  }

  public static Optional<Role> ofGroup(String groupId) {
    return Arrays.stream(values()).filter(r -> r.groupId.equals(groupId)).findFirst();
  }
}
