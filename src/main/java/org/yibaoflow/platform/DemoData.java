package org.yibaoflow.platform;

import java.util.List;
import java.util.Map;

/** What the demo profile seeds: regions, role groups, users (password {@value #PASSWORD}). */
final class DemoData {

  static final String PASSWORD = "demo";

  record Region(String id, String name) {
  }

  record Role(String groupId, String name, List<String> applications) {
  }

  /** Camunda shows "firstName lastName": the Chinese name goes first, the post second. */
  record DemoUser(String id, String name, String post, String groupId, List<String> regions) {
  }

  static final List<Region> REGIONS = List.of(
      new Region("huaibei", "淮北市医疗保障局"),
      new Region("jining", "济宁市医疗保障局"));

  static final List<Role> ROLES = List.of(
      new Role("caseworker", "经办人员", List.of("tasklist")),
      new Role("expert", "评估专家", List.of("tasklist")),
      new Role("supervisor", "科室负责人", List.of("tasklist", "cockpit")),
      new Role("legal", "法制审核", List.of("tasklist")),
      new Role("admindept", "医保行政部门", List.of("tasklist")),
      new Role("modeler", "流程建模", List.of("tasklist", "cockpit")),
      new Role("reportdesk", "举报人信息专员", List.of("tasklist")));

  static final List<DemoUser> USERS = List.of(
      new DemoUser("zhangjing", "张静", "淮北经办", "caseworker", List.of("huaibei")),
      new DemoUser("liuyang", "刘洋", "济宁经办", "caseworker", List.of("jining")),
      new DemoUser("wangqiang", "王强", "评估专家", "expert", List.of("huaibei")),
      new DemoUser("chenmin", "陈敏", "淮北科室负责人", "supervisor", List.of("huaibei")),
      new DemoUser("zhaolei", "赵磊", "济宁科室负责人", "supervisor", List.of("jining")),
      new DemoUser("sunli", "孙丽", "法制审核", "legal", List.of("huaibei")),
      new DemoUser("zhoujie", "周杰", "医保行政部门", "admindept", List.of("huaibei")),
      // 济宁 runs every path too: legal review of its violation cases and referrals, its objections'
      // second level and fines (issue 14)
      new DemoUser("xuyan", "徐燕", "济宁法制审核", "legal", List.of("jining")),
      new DemoUser("hejun", "何军", "济宁医保行政部门", "admindept", List.of("jining")),
      new DemoUser("wuhao", "吴昊", "流程建模", "modeler", List.of("huaibei", "jining")),
      // R-VIO-15: reads named reporters and pays rewards in 淮北 only
      new DemoUser("lina", "李娜", "淮北举报人信息专员", "reportdesk", List.of("huaibei")));

  /** The demo administrator (camunda.bpm.admin-user in application-demo.yml) sees both regions. */
  static final String ADMIN = "demo";

  /** Tasklist filters per role (created in every profile by TasklistFilters): group -> filter name. */
  static final Map<String, String> GROUP_FILTER_NAMES = TasklistFilters.ROLE_FILTERS.entrySet().stream()
      .collect(java.util.stream.Collectors.toMap(e -> e.getKey().groupId(), Map.Entry::getValue));

  private DemoData() {
  }
}
