package org.yibaoflow.enforcement;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.yibaoflow.Application;
import org.yibaoflow.calendar.WorkingDayCalendar;
import org.yibaoflow.institution.AgreementService;
import org.yibaoflow.institution.AgreementState;
import org.yibaoflow.institution.Institution;
import org.yibaoflow.institution.InstitutionService;
import org.yibaoflow.institution.NewInstitution;
import org.yibaoflow.support.Http;
import org.yibaoflow.support.Jobs;
import org.yibaoflow.support.RegistryFixtures;

/**
 * Not a test (issue 20 item 5): the engine history one closed violation case leaves, and what a year of such cases
 * adds up to. Runs {@code benchmark.cases} (default 3) cases of 淮北 to their end through the process as the demo
 * users do it over HTTP (intake, 调查取证 with a serious violation, 法制审核, 科室负责人审批, 送达, the objection
 * window's timer, the agreement's suspension executed, 登记整改报告, 整改复查 passed, 结案: the path of ViolationCaseIT's R-VIO-2 case), with the
 * production history level (full), then counts the rows each case added to every {@code ACT_HI_*} table and to
 * the history byte arrays ({@code ACT_GE_BYTEARRAY} of type 2), and their bytes (the sum of the values' lengths:
 * text as UTF-8, numbers and dates 8 bytes; no index or page overhead). Prints rows and bytes per case and per
 * year for {@code benchmark.cases-per-year} (default 1,000,10,000,100,000) cases; with the history time to live of
 * 3650 days (docs/operations.md) about ten such years are kept. Exits non-zero if a case did not end.
 * {@code ./mvnw -B -Pbenchmark -DskipTests test -Dbenchmark.main=org.yibaoflow.enforcement.HistoryFootprintBenchmark
 * [-Dbenchmark.cases=3] [-Dbenchmark.db=postgres]}
 */
public final class HistoryFootprintBenchmark {

  static final ObjectMapper JSON = new ObjectMapper();

  private HistoryFootprintBenchmark() {
  }

  public static void main(String[] args) throws Exception {
    String db = System.getProperty("benchmark.db", "h2");
    int cases = Integer.parseInt(System.getProperty("benchmark.cases", "3").split(",")[0].trim());
    List<Long> perYear = java.util.Arrays.stream(System.getProperty("benchmark.cases-per-year", "1000,10000,100000")
        .split(",")).map(String::trim).map(Long::valueOf).toList();
    List<String> props = new ArrayList<>(List.of("--camunda.bpm.job-execution.enabled=false", "--server.port=0",
        "--yibao.metrics.refresh-interval=PT1H", "--logging.level.root=WARN"));
    if (db.equals("h2")) {
      Path dir = Path.of("target", "benchmark", "history");
      if (Files.exists(dir)) {
        try (var files = Files.walk(dir)) {
          files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
      }
      props.add("--spring.datasource.url=jdbc:h2:file:" + dir.toAbsolutePath().resolve("yibao-bench"));
    }
    SpringApplicationBuilder app = new SpringApplicationBuilder(Application.class)
        .profiles(db.equals("h2") ? new String[] {"benchmark", "demo"} : new String[] {"benchmark", "demo", "postgres"});
    try (ConfigurableApplicationContext ctx = app.run(props.toArray(String[]::new))) {
      Run run = new Run(ctx);
      JdbcTemplate jdbc = ctx.getBean(JdbcTemplate.class);
      Map<String, long[]> before = footprint(jdbc);
      long diskBefore = onDisk(db, jdbc);
      for (int i = 0; i < cases; i++) {
        run.closedCase();
      }
      Map<String, long[]> after = footprint(jdbc);
      long disk = onDisk(db, jdbc) - diskBefore;
      List<String> lines = new ArrayList<>();
      lines.add("History footprint, " + OffsetDateTime.now() + ", " + db + ", " + cases + " closed violation cases, "
          + "load average " + java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
      lines.add("");
      lines.add("| table | rows per case | bytes per case |");
      lines.add("|---|---|---|");
      long rows = 0;
      long bytes = 0;
      for (String table : after.keySet()) {
        long[] b = before.getOrDefault(table, new long[2]);
        long r = after.get(table)[0] - b[0];
        long s = after.get(table)[1] - b[1];
        if (r != 0) {
          lines.add(String.format("| %s | %.1f | %,d |", table, (double) r / cases, s / cases));
        }
        rows += r;
        bytes += s;
      }
      lines.add(String.format("| **all history** | **%.1f** | **%,d** |", (double) rows / cases, bytes / cases));
      lines.add("");
      lines.add("| cases closed per year | history rows per year | history bytes per year (values only) |");
      lines.add("|---|---|---|");
      for (long n : perYear) {
        lines.add(String.format("| %,d | %,d | %,.1f MB |", n, n * rows / cases, n * (double) bytes / cases / 1e6));
      }
      if (disk >= 0) {
        lines.add("");
        lines.add(String.format("PostgreSQL on disk (ACT_HI_* tables with indexes and TOAST, pg_total_relation_size): "
            + "%,d bytes per case; %s", disk / cases, String.join("; ", perYear.stream().map(n -> String.format(
                "%,d cases a year: %,.1f MB", n, n * (double) disk / cases / 1e6)).toList())));
      }
      System.out.println();
      lines.forEach(System.out::println);
    }
  }

  /** PostgreSQL: bytes of the history tables on disk, with their indexes and TOAST; -1 on H2. */
  static long onDisk(String db, JdbcTemplate jdbc) {
    if (!db.equals("postgres")) {
      return -1;
    }
    Long bytes = jdbc.queryForObject("select coalesce(sum(pg_total_relation_size(c.oid)), 0) from pg_class c "
        + "join pg_namespace n on n.oid = c.relnamespace where c.relkind = 'r' and n.nspname = current_schema() "
        + "and c.relname like 'act\\_hi\\_%'", Long.class);
    return bytes == null ? 0 : bytes;
  }

  /** Rows and value bytes of every history table (names as the database reports them). */
  static Map<String, long[]> footprint(JdbcTemplate jdbc) {
    Map<String, long[]> result = new TreeMap<>();
    List<String> tables = jdbc.queryForList("select table_name from information_schema.tables "
        + "where upper(table_name) like 'ACT\\_HI\\_%' escape '\\' and upper(table_schema) in ('PUBLIC')", String.class);
    for (String table : tables) {
      result.put(table.toUpperCase(), measure(jdbc, "select * from " + table));
    }
    result.put("ACT_GE_BYTEARRAY (history)", measure(jdbc, "select * from ACT_GE_BYTEARRAY where TYPE_ = 2"));
    return result;
  }

  private static long[] measure(JdbcTemplate jdbc, String sql) {
    long[] rowsAndBytes = new long[2];
    jdbc.query(sql, rs -> {
      int columns = rs.getMetaData().getColumnCount();
      rowsAndBytes[0]++;
      for (int c = 1; c <= columns; c++) {
        Object v = rs.getObject(c);
        rowsAndBytes[1] += v == null ? 0 : v instanceof byte[] b ? b.length
            : v instanceof java.sql.Blob blob ? blob.length()
            : v instanceof String s ? s.getBytes(StandardCharsets.UTF_8).length : 8;
      }
    });
    return rowsAndBytes;
  }

  /** One violation case from intake to 结案, as ViolationCaseIT's R-VIO-2 case runs it. */
  private static final class Run {
    private final int port;
    private final InstitutionService institutions;
    private final AgreementService agreements;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final ManagementService management;
    private final HistoryService history;
    private final Clock clock;

    Run(ConfigurableApplicationContext ctx) {
      port = Integer.parseInt(ctx.getEnvironment().getProperty("local.server.port"));
      institutions = ctx.getBean(InstitutionService.class);
      agreements = ctx.getBean(AgreementService.class);
      runtime = ctx.getBean(RuntimeService.class);
      tasks = ctx.getBean(TaskService.class);
      management = ctx.getBean(ManagementService.class);
      history = ctx.getBean(HistoryService.class);
      clock = ctx.getBean(Clock.class);
    }

    void closedCase() {
      Institution hospital = institutions.register(new NewInstitution("huaibei",
          RegistryFixtures.institutionCode("HOSPITAL"), "历史测量医院" + System.nanoTime(), "HOSPITAL",
          RegistryFixtures.creditCode("340600"), "二级", List.of(), List.of(), "历史测量", null));
      LocalDate start = LocalDate.now(clock).withDayOfYear(1);
      agreements.sign(hospital.id(), start, start.plusYears(1).minusDays(1), AgreementState.ACTIVE, "历史测量", null);
      ObjectNode intake = JSON.createObjectNode().put("source", "SMART_MONITORING")
          .put("institutionCode", hospital.code()).put("suspectedAmount", 5000).put("summary", "智能监控预警");
      intake.putArray("suspectedViolations").add("GEN_SERIOUS_VIOLATION");
      Http.Response opened = Http.demo(port, "zhangjing").post("/api/violation-cases", intake.toString());
      check(opened.status() == 201, "intake answered " + opened.status() + ": " + opened.body());
      String pi = opened.json().get("processInstanceId").asText();
      complete("zhangjing", pi, "Task_Investigate", Map.of("findingCodes", "GEN_SERIOUS_VIOLATION",
          "defraudedAmount", 3000, "investigationNote", "违约情节严重，造成基金较大损失"));
      complete("sunli", pi, "Task_LegalReview", Map.of("legalApproval", "APPROVE", "legalOpinion", "事实清楚"));
      complete("chenmin", pi, "Task_SupervisorApproval", Map.of("supervisorApproval", "APPROVE"));
      complete("zhangjing", pi, "Task_ServeNotice", Map.of("servedOn",
          LocalDate.now(clock.withZone(WorkingDayCalendar.ZONE)).toString(), "serviceMethod", "DIRECT"));
      drive(pi);
      ProcessInstance objection = runtime.createProcessInstanceQuery().superProcessInstanceId(pi)
          .processDefinitionKey("objection").singleResult();
      check(objection != null, "no objection window after the notice");
      // the objection window passes without an objection
      management.executeJob(management.createJobQuery().processInstanceId(objection.getId()).timers()
          .singleResult().getId());
      drive(objection.getId());
      drive(pi);
      // the suspension orders a rectification (限期整改): the report arrives in time, the re-inspection passes
      String today = LocalDate.now(clock.withZone(WorkingDayCalendar.ZONE)).toString();
      complete("zhangjing", pi, "Task_RecordReport", Map.of("receivedOn", today, "reportSummary", "已提交整改报告"));
      complete("zhangjing", pi, "Task_Reinspect", Map.of("reinspectionResult", "PASSED",
          "reinspectionNote", "整改到位"));
      drive(pi);
      HistoricProcessInstance done = history.createHistoricProcessInstanceQuery().processInstanceId(pi)
          .singleResult();
      if (done.getEndTime() == null) {
        throw new IllegalStateException("case " + done.getBusinessKey() + " did not end: waits in "
            + runtime.getActiveActivityIds(pi));
      }
      System.out.println("benchmark: case " + done.getBusinessKey() + " closed");
    }

    private void complete(String user, String pi, String taskKey, Map<String, Object> variables) {
      drive(pi);
      String businessKey = runtime.createProcessInstanceQuery().processInstanceId(pi).singleResult().getBusinessKey();
      Task task = tasks.createTaskQuery().processInstanceBusinessKey(businessKey).taskDefinitionKey(taskKey)
          .singleResult();
      check(task != null, "no task " + taskKey);
      ObjectNode vars = JSON.createObjectNode();
      variables.forEach((k, v) -> vars.putObject(k).putPOJO("value", v).put("type", v instanceof String ? "String"
          : v instanceof Integer ? "Integer" : "Object"));
      ObjectNode body = JSON.createObjectNode();
      body.set("variables", vars);
      Http.Response r = Http.demo(port, user).post("/engine-rest/task/" + task.getId() + "/complete", body.toString());
      check(r.status() == 200 || r.status() == 204, taskKey + " answered " + r.status() + ": " + r.body());
    }

    /** Runs the due jobs of the case and its called instances until none is left. */
    private void drive(String pi) {
      for (int round = 0; round < 20; round++) {
        ProcessInstance p = runtime.createProcessInstanceQuery().processInstanceId(pi).singleResult();
        List<String> ids = new ArrayList<>(List.of(pi));
        runtime.createProcessInstanceQuery().rootProcessInstanceId(p == null ? pi : p.getRootProcessInstanceId())
            .list().forEach(x -> ids.add(x.getId()));
        if (ids.stream().allMatch(id -> management.createJobQuery().processInstanceId(id).executable().count() == 0)) {
          return;
        }
        Jobs.executeDue(management, ids.toArray(String[]::new));
      }
    }

    private static void check(boolean ok, String message) {
      if (!ok) {
        throw new IllegalStateException(message);
      }
    }
  }
}
