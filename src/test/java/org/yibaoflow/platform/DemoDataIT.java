package org.yibaoflow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.yibaoflow.support.Http;
import org.yibaoflow.support.IntegrationTest;

/** The demo profile gives every role a working Tasklist: its filters can be read and executed. */
@IntegrationTest
class DemoDataIT {

  @LocalServerPort
  int port;
  @Autowired
  DemoDataSeeder seeder;
  @Autowired
  JdbcTemplate jdbc;

  @Test
  void demoRegionsHoldAboutThirtyInstitutionsAndAHundredPeopleIncludingTheRefusalCases() {
    for (String region : List.of("huaibei", "jining")) {
      assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM institution WHERE region = ?", Integer.class, region))
          .as(region).isGreaterThanOrEqualTo(15);
      assertThat(jdbc.queryForObject("SELECT COUNT(DISTINCT type) FROM institution WHERE region = ?", Integer.class,
          region)).isEqualTo(2);
    }
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM person", Integer.class)).isGreaterThanOrEqualTo(90);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM institution_licence WHERE revoked", Integer.class)).isPositive();
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM institution_licence WHERE valid_until < CURRENT_DATE",
        Integer.class)).isPositive();
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM institution_ban WHERE banned_until > CURRENT_DATE",
        Integer.class)).isPositive();
  }

  @Test
  void everyDemoUserCanRunEveryFilterTheySee() {
    for (DemoData.DemoUser user : DemoData.USERS) {
      Http http = Http.demo(port, user.id());
      JsonNode filters = http.get("/engine-rest/filter?resourceType=Task").json();
      List<String> names = new ArrayList<>();
      for (JsonNode f : filters) {
        names.add(f.get("name").asText());
        assertThat(http.get("/engine-rest/filter/" + f.get("id").asText() + "/count").status())
            .as(user.id() + " runs filter " + f.get("name").asText()).isEqualTo(200);
      }
      assertThat(names).as(user.id()).contains("我的任务", DemoData.GROUP_FILTER_NAMES.get(user.groupId()));
    }
    assertThat(names(Http.demo(port, "chenmin"))).contains("本地区全部任务", "已逾期任务");
    assertThat(names(Http.demo(port, "zhangjing"))).doesNotContain("本地区全部任务", "负责人审批待办");
  }

  @Test
  void eachRegionHasEveryRoleItsPathsNeed() {
    for (String region : List.of("huaibei", "jining")) {
      for (String group : List.of("caseworker", "supervisor", "legal", "admindept")) {
        assertThat(DemoData.USERS.stream().anyMatch(u -> u.groupId().equals(group) && u.regions().contains(region)))
            .as(region + " " + group).isTrue();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ACT_ID_MEMBERSHIP m JOIN ACT_ID_TENANT_MEMBER t"
            + " ON t.USER_ID_ = m.USER_ID_ WHERE m.GROUP_ID_ = ? AND t.TENANT_ID_ = ?", Integer.class, group, region))
            .as(region + " " + group).isPositive();
      }
    }
  }

  @Test
  void seedingAgainChangesNothing() {
    int before = Http.demo(port, "demo").get("/engine-rest/authorization/count").json().get("count").asInt();
    seeder.seed();
    assertThat(Http.demo(port, "demo").get("/engine-rest/authorization/count").json().get("count").asInt())
        .isEqualTo(before);
    assertThat(Http.demo(port, "demo").get("/engine-rest/filter/count").json().get("count").asInt())
        .isEqualTo(DemoData.GROUP_FILTER_NAMES.size() + 3);
  }

  private static List<String> names(Http http) {
    List<String> names = new ArrayList<>();
    http.get("/engine-rest/filter?resourceType=Task").json().forEach(f -> names.add(f.get("name").asText()));
    return names;
  }
}
