package org.yibaoflow.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.yibaoflow.support.PostgresAdmin.ADMIN;
import static org.yibaoflow.support.PostgresAdmin.HOST;
import static org.yibaoflow.support.PostgresAdmin.PORT;
import static org.yibaoflow.support.PostgresAdmin.env;
import static org.yibaoflow.support.PostgresAdmin.url;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.yibaoflow.institution.AgreementService;
import org.yibaoflow.institution.AgreementState;
import org.yibaoflow.institution.Institution;
import org.yibaoflow.institution.InstitutionService;
import org.yibaoflow.institution.NewInstitution;
import org.yibaoflow.support.Http;
import org.yibaoflow.support.IntegrationTest;
import org.yibaoflow.support.RegistryFixtures;

/**
 * Issue 20 item 6, the restore drill: a backup taken while cases run is restored into an empty database, and
 * every table — engine (process instances, jobs, timers, history) and domain (cases, agreements, documents,
 * audit) — holds exactly what the live database held when the backup was taken. On H2 the backup is the
 * administrator's own ({@code POST /api/admin/backups}); on PostgreSQL that call answers 409 and the drill runs
 * the documented {@code pg_dump} / {@code pg_restore} (docs/operations.md "Backups").
 */
@IntegrationTest
class BackupRestoreIT {

  @LocalServerPort
  int port;
  @Autowired
  DataSource dataSource;
  @Autowired
  Backups backups;
  @Autowired
  InstitutionService institutions;
  @Autowired
  AgreementService agreements;
  @Autowired
  java.time.Clock clock;

  @Test
  void aBackupTakenWhileCasesRunRestoresEveryCase() throws Exception {
    String caseNo = openCase();
    JdbcTemplate live = new JdbcTemplate(dataSource);

    assertThat(Http.demo(port, "liuyang").post("/api/admin/backups", "{\"reason\":\"恢复演练\"}").status())
        .as("only administrators take backups").isEqualTo(403);
    Http.Response taken = Http.demo(port, "demo").post("/api/admin/backups", "{\"reason\":\"恢复演练\"}");
    Map<String, String> atBackup = DatabaseFingerprint.tables(live, comparable(live));

    JdbcTemplate restored;
    if (EngineLock.isH2(dataSource)) {
      assertThat(taken.status()).as(taken.body()).isEqualTo(201);
      Path file = backups.directory().resolve(taken.json().get("file").asText());
      assertThat(Files.size(file)).isEqualTo(taken.json().get("bytes").asLong());
      assertThat(backups.list()).extracting(Backups.Backup::file).contains(file.getFileName().toString());
      restored = new JdbcTemplate(new DriverManagerDataSource(
          "jdbc:h2:mem:restore-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", ""));
      restored.execute("RUNSCRIPT FROM '" + file + "' COMPRESSION ZIP");
    } else {
      assertThat(taken.status()).as(taken.body()).isEqualTo(409);
      assertThat(taken.body()).contains("pg_dump");
      restored = PostgresDump.restoreCopy();
    }

    assertThat(DatabaseFingerprint.tables(restored, comparable(restored)))
        .as("every table as it was at the backup").isEqualTo(atBackup);
    assertThat(restored.queryForObject("SELECT COUNT(*) FROM violation_case WHERE case_no = ?", Integer.class,
        caseNo)).isEqualTo(1);
    assertThat(restored.queryForObject("SELECT COUNT(*) FROM ACT_RU_EXECUTION WHERE BUSINESS_KEY_ = ?",
        Integer.class, caseNo)).as("the case's process runs on in the copy").isPositive();
    if (!EngineLock.isH2(dataSource)) {
      PostgresDump.dropCopy();
    }
  }

  /** The tables to compare: all but the engine's metric logs, which a reporter thread may flush at any time. */
  private static List<String> comparable(JdbcTemplate jdbc) {
    List<String> tables = new ArrayList<>(DatabaseFingerprint.allTables(jdbc));
    tables.removeIf(t -> t.toUpperCase(java.util.Locale.ROOT).contains("METER_LOG"));
    return tables;
  }

  private String openCase() {
    Institution hospital = institutions.register(new NewInstitution("jining", RegistryFixtures.institutionCode(
        "HOSPITAL"), "济宁备份演练医院" + System.nanoTime(), "HOSPITAL", RegistryFixtures.creditCode("370800"), "二级",
        List.of(), List.of(), "集成测试", null));
    LocalDate start = LocalDate.now(clock).withDayOfYear(1);
    agreements.sign(hospital.id(), start, start.plusYears(1).minusDays(1), AgreementState.ACTIVE, "集成测试", null);
    Http.Response opened = Http.demo(port, "liuyang").post("/api/violation-cases",
        "{\"source\":\"SMART_MONITORING\",\"institutionCode\":\"" + hospital.code()
            + "\",\"suspectedViolations\":[\"GEN_OVERCHARGE\"],\"suspectedAmount\":5000}");
    assertThat(opened.status()).as(opened.body()).isEqualTo(201);
    return opened.json().get("caseNo").asText();
  }

  /** The documented PostgreSQL backup (pg_dump -Fc) restored with pg_restore into a new database. */
  private static final class PostgresDump {

    private static final String COPY = "yibaoflow_restore_drill";

    static JdbcTemplate restoreCopy() throws Exception {
      Path dump = Files.createTempFile("yibao-flow-", ".dump");
      run("pg_dump", "-h", HOST, "-p", PORT, "-U", ADMIN, "-d", env("YIBAO_DB_NAME", "yibaoflow_it"), "-Fc",
          "-f", dump.toString());
      JdbcTemplate admin = new JdbcTemplate(new DriverManagerDataSource(url("postgres"), ADMIN, ""));
      admin.execute("DROP DATABASE IF EXISTS " + COPY + " WITH (FORCE)");
      admin.execute("CREATE DATABASE " + COPY + " ENCODING 'UTF8' TEMPLATE template0");
      run("pg_restore", "-h", HOST, "-p", PORT, "-U", ADMIN, "-d", COPY, "--no-owner", "--exit-on-error",
          dump.toString());
      Files.delete(dump);
      return new JdbcTemplate(new DriverManagerDataSource(url(COPY), ADMIN, ""));
    }

    static void dropCopy() {
      new JdbcTemplate(new DriverManagerDataSource(url("postgres"), ADMIN, ""))
          .execute("DROP DATABASE IF EXISTS " + COPY + " WITH (FORCE)");
    }

    private static void run(String... command) throws Exception {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      assertThat(p.waitFor(10, TimeUnit.MINUTES)).isTrue();
      assertThat(p.exitValue()).as(String.join(" ", command) + ": " + out).isZero();
    }
  }
}
