package org.yibaoflow.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.yibaoflow.institution.Institution;
import org.yibaoflow.institution.InstitutionService;
import org.yibaoflow.institution.NewInstitution;
import org.yibaoflow.support.Http;
import org.yibaoflow.support.IntegrationTest;
import org.yibaoflow.support.RegistryFixtures;

/**
 * The settlement volume the annual evaluation reads (R-EVA-5: no settlement in the year is a non-renewal case):
 * recorded over HTTP for the user's region only, validated with nothing written, corrections audited.
 */
@IntegrationTest
class SettlementVolumeIT {

  @LocalServerPort
  int port;
  @Autowired
  InstitutionService institutions;
  @Autowired
  JdbcTemplate jdbc;

  @Test
  void theYearsVolumeIsRecordedCorrectedAndReadOnlyInTheInstitutionsRegion() {
    Institution pharmacy = institutions.register(new NewInstitution("huaibei", RegistryFixtures.institutionCode(
        "PHARMACY"), "结算量测试药房" + System.nanoTime(), "PHARMACY", RegistryFixtures.creditCode("340600"), null,
        List.of(), List.of(), "集成测试", null));
    String path = "/api/institutions/" + pharmacy.id() + "/settlement-volumes/2026";
    Http caseworker = Http.demo(port, "zhangjing");

    assertThat(caseworker.get(path).status()).as("nothing delivered yet").isEqualTo(404);
    Http.Response negative = caseworker.put(path, "{\"amount\":-1}");
    assertThat(negative.status()).isEqualTo(400);
    assertThat(negative.json().get("field").asText()).isEqualTo("amount");
    assertThat(negative.json().get("rule").asText()).isEqualTo("R-EVA-5");
    assertThat(caseworker.put("/api/institutions/" + pharmacy.id() + "/settlement-volumes/1999", "{\"amount\":1}")
        .json().get("field").asText()).isEqualTo("year");
    assertThat(Http.demo(port, "liuyang").put(path, "{\"amount\":100}").status()).as("another region").isEqualTo(404);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM evaluation_settlement_volume WHERE institution_id = ?",
        Integer.class, pharmacy.id())).as("nothing written").isZero();

    assertThat(caseworker.put(path, "{\"amount\":125000.50}").status()).isEqualTo(200);
    assertThat(caseworker.put(path, "{\"amount\":126000}").status()).isEqualTo(200);

    assertThat(caseworker.get(path).json().get("amount").decimalValue()).isEqualByComparingTo("126000");
    assertThat(jdbc.queryForList("SELECT actor || ':' || COALESCE(from_state, '-') || '>' || to_state FROM audit_log "
        + "WHERE entity_type = 'INSTITUTION' AND entity_id = ? AND action = 'SETTLEMENT_VOLUME_RECORDED' ORDER BY id",
        String.class, String.valueOf(pharmacy.id())))
        .containsExactly("zhangjing:->125000.50", "zhangjing:125000.50>126000");
  }
}
