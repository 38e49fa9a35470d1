package org.yibaoflow.platform;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.management.Metrics;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Camunda's job and process figures as Prometheus gauges. The figures are read by a scheduled refresh
 * (yibao.metrics.refresh-interval), not per scrape, so a scrape never runs engine queries. Counters the
 * engine keeps itself (jobs executed, failed, acquired) are exposed as their totals since start.
 */
@Component
class CamundaMetrics implements MeterBinder {

  private final Map<String, LongSupplier> sources = new ConcurrentHashMap<>();
  private final Map<String, LongSupplier> counters = new ConcurrentHashMap<>();
  private final Map<String, AtomicLong> values = new ConcurrentHashMap<>();

  CamundaMetrics(ManagementService management, RuntimeService runtime, TaskService tasks) {
    // queries without an authenticated user: engine-wide figures for operators
    sources.put("yibao.camunda.jobs.executable", () -> management.createJobQuery().executable().count());
    sources.put("yibao.camunda.jobs.failed", () -> management.createJobQuery().noRetriesLeft().count());
    sources.put("yibao.camunda.timers.waiting", () -> management.createJobQuery().timers().count());
    sources.put("yibao.camunda.incidents.open", () -> runtime.createIncidentQuery().count());
    sources.put("yibao.camunda.process.instances.active", () -> runtime.createProcessInstanceQuery().active().count());
    sources.put("yibao.camunda.tasks.open", () -> tasks.createTaskQuery().count());
    sources.put("yibao.camunda.tasks.overdue", () -> tasks.createTaskQuery().dueBefore(new java.util.Date()).count());
    counters.put("yibao.camunda.jobs.successful", () -> management.createMetricsQuery().name(Metrics.JOB_SUCCESSFUL).sum());
    counters.put("yibao.camunda.jobs.execution.failed", () -> management.createMetricsQuery().name(Metrics.JOB_FAILED).sum());
    counters.put("yibao.camunda.jobs.acquired", () -> management.createMetricsQuery().name(Metrics.JOB_ACQUIRED_SUCCESS).sum());
    counters.put("yibao.camunda.activity.instances.started",
        () -> management.createMetricsQuery().name(Metrics.ACTIVTY_INSTANCE_START).sum());
    sources.putAll(counters);
    sources.keySet().forEach(k -> values.put(k, new AtomicLong()));
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    values.forEach((name, value) -> {
      if (counters.containsKey(name)) {
        FunctionCounter.builder(name, value, AtomicLong::get).description("Camunda engine total " + name)
            .register(registry);
      } else {
        Gauge.builder(name, value, AtomicLong::get).description("Camunda engine figure " + name).register(registry);
      }
    });
    refresh();
  }

  @Scheduled(fixedDelayString = "${yibao.metrics.refresh-interval:PT30S}", initialDelayString = "PT10S")
  void refresh() {
    sources.forEach((name, source) -> values.get(name).set(source.getAsLong()));
  }
}
