package org.yibaoflow.evaluation;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yibaoflow.platform.AuditEntry;
import org.yibaoflow.platform.AuditService;
import org.yibaoflow.platform.DomainRuleException;
import org.yibaoflow.platform.EngineAsApplication;
import org.yibaoflow.platform.RegionAccess;
import org.yibaoflow.platform.RegionTenantIdProvider;

/**
 * The year's evaluation campaign of a region (R-EVA-1: every agreement is evaluated each natural year). Opening
 * a campaign records it and starts its runner, the process {@code evaluation-campaign}; the runner starts one
 * {@code annual-evaluation} instance per agreement in force in batches ({@link #runNextBatch}), each batch in
 * its own transaction (a job of the runner). The engine joins Spring's transaction on the same DataSource, so
 * an instance, its {@code evaluation_item} row (unique per campaign and agreement, and per business key) and the
 * campaign's cursor commit or roll back together: a crashed batch is redone whole, a restarted campaign
 * continues after its cursor, and nothing is started twice.
 */
@Service
public class EvaluationCampaignService {

  static final String ENTITY = "EVALUATION_CAMPAIGN";
  public static final String CAMPAIGN_PROCESS = "evaluation-campaign";
  public static final String EVALUATION_PROCESS = "annual-evaluation";

  private final EvaluationMapper mapper;
  private final RuntimeService runtimeService;
  private final EngineAsApplication engine;
  private final RegionAccess regions;
  private final AuditService audit;
  private final Clock clock;
  private final int batchSize;

  EvaluationCampaignService(EvaluationMapper mapper, RuntimeService runtimeService, EngineAsApplication engine,
      RegionAccess regions, AuditService audit, Clock clock,
      @Value("${yibao.evaluation.campaign-batch-size:250}") int batchSize) {
    this.mapper = mapper;
    this.runtimeService = runtimeService;
    this.engine = engine;
    this.regions = regions;
    this.audit = audit;
    this.clock = clock;
    this.batchSize = batchSize;
  }

  /** The result of one batch: how many instances it started and whether the campaign has started them all. */
  public record BatchResult(int started, boolean allStarted) {
  }

  /**
   * A supervisor of the region opens (or re-opens) the year's campaign: 201 with a new campaign, the existing
   * one otherwise; in both cases a runner is started unless one is running, so an interrupted campaign is
   * started again by the same request. Only the current year or past years; a supervisor of the region only.
   */
  @Transactional
  public Opened openAsSupervisor(String region, Integer year) {
    if (region == null || region.isBlank()) {
      throw DomainRuleException.badRequest("region", "R-EVA-1", "须指定统筹地区", "The region is required");
    }
    regions.requireRegion(region);
    boolean created = mapper.findCampaign(region, validYear(year)) == null;
    EvaluationCampaign campaign = open(region, year, regions.currentUser().userId());
    ensureRunner(campaign);
    return new Opened(campaign, created);
  }

  public record Opened(EvaluationCampaign campaign, boolean created) {
  }

  /** Records the campaign of the region and year, or returns the existing one (idempotent). */
  @Transactional
  public EvaluationCampaign open(String region, Integer year, String actor) {
    int y = validYear(year);
    EvaluationCampaign existing = mapper.findCampaign(region, y);
    if (existing != null) {
      return existing;
    }
    int total = mapper.countInForce(region, LocalDate.of(y, 1, 1), LocalDate.of(y, 12, 31));
    // two opening at once: the unique (region, eval_year) refuses the second (409 over HTTP, a retried job finds
    // the first one) - not caught here, as PostgreSQL aborts the transaction with the failed insert
    mapper.insertCampaign(new EvaluationCampaign(null, region, y, EvaluationCampaign.STARTING, total, 0L, 0, 0,
        actor, OffsetDateTime.now(clock), null, 0L));
    EvaluationCampaign saved = mapper.findCampaign(region, y);
    audit.record(AuditEntry.of(region, ENTITY, saved.id().toString(), "OPENED", null, EvaluationCampaign.STARTING,
        "R-EVA-1", "年度考核：" + region + " " + y + " 年度，协议 " + total + " 份 / annual evaluation opened", null,
        "year=" + y + ", agreements=" + total));
    return saved;
  }

  /** Starts the runner process of the campaign unless one is running (its business key is the campaign's). */
  void ensureRunner(EvaluationCampaign campaign) {
    if (EvaluationCampaign.ALL_STARTED.equals(campaign.status())) {
      return;
    }
    engine.run(() -> {
      if (runtimeService.createProcessInstanceQuery().processDefinitionKey(CAMPAIGN_PROCESS)
          .processInstanceBusinessKey(campaign.businessKey()).active().count() > 0) {
        return;
      }
      Map<String, Object> vars = new HashMap<>();
      vars.put(RegionTenantIdProvider.REGION_VARIABLE, campaign.region());
      vars.put("evalYear", campaign.evalYear());
      vars.put("campaignId", campaign.id());
      runtimeService.startProcessInstanceByKey(CAMPAIGN_PROCESS, campaign.businessKey(), vars);
    });
  }

  /**
   * Starts the next batch of evaluation instances (at most the configured batch size) in the caller's
   * transaction, under the campaign's row lock. The business key of each is region-year-institution code.
   */
  @Transactional
  public BatchResult runNextBatch(long campaignId) {
    return runNextBatch(campaignId, batchSize);
  }

  @Transactional
  public BatchResult runNextBatch(long campaignId, int size) {
    EvaluationCampaign c = mapper.lockCampaign(campaignId);
    if (c == null) {
      throw DomainRuleException.notFound("年度考核 / evaluation campaign", String.valueOf(campaignId));
    }
    if (EvaluationCampaign.ALL_STARTED.equals(c.status())) {
      return new BatchResult(0, true);
    }
    int y = c.evalYear();
    List<EvaluationMapper.Candidate> next = mapper.nextInForce(c.region(), LocalDate.of(y, 1, 1),
        LocalDate.of(y, 12, 31), c.lastAgreementId(), size);
    OffsetDateTime now = OffsetDateTime.now(clock);
    long last = c.lastAgreementId();
    for (EvaluationMapper.Candidate a : next) {
      String businessKey = c.region() + "-" + y + "-" + a.institutionCode();
      Map<String, Object> vars = new HashMap<>();
      vars.put(RegionTenantIdProvider.REGION_VARIABLE, c.region());
      vars.put("evalYear", y);
      vars.put("agreementId", a.agreementId());
      vars.put("institutionId", a.institutionId());
      vars.put("institutionName", a.institutionName());
      ProcessInstance pi = engine.call(() -> runtimeService.startProcessInstanceByKey(EVALUATION_PROCESS,
          businessKey, vars));
      mapper.insertItem(new EvaluationItem(null, c.id(), a.agreementId(), a.institutionId(), c.region(), y,
          businessKey, pi.getId(), "STARTED", null, null, null, null, null, null, null, null, null, null, null,
          null, null, null, null, null, null, null, null, null, null, null, null, null, null, now, now));
      last = a.agreementId();
    }
    boolean all = next.size() < size;
    mapper.advanceCampaign(c.id(), last, next.size(), all ? EvaluationCampaign.ALL_STARTED : c.status(),
        all ? now : null);
    if (all) {
      audit.record(AuditEntry.of(c.region(), ENTITY, c.id().toString(), "ALL_STARTED", EvaluationCampaign.STARTING,
          EvaluationCampaign.ALL_STARTED, "R-EVA-1", "年度考核已为全部在履行协议启动 / every evaluation started", null,
          "started=" + (c.startedCount() + next.size()) + ", batches=" + (c.batches() + 1)));
    }
    return new BatchResult(next.size(), all);
  }

  /** The figures of a campaign of the user's regions (404 for others'). */
  @Transactional(readOnly = true)
  public CampaignProgress progress(long id) {
    EvaluationCampaign c = mapper.campaign(id);
    if (c == null || !regions.canSee(c.region())) {
      throw DomainRuleException.notFound("年度考核 / evaluation campaign", String.valueOf(id));
    }
    return progressOf(c);
  }

  @Transactional(readOnly = true)
  public CampaignProgress progressUnchecked(long id) {
    return progressOf(mapper.campaign(id));
  }

  private CampaignProgress progressOf(EvaluationCampaign c) {
    Map<String, Object> p = lowerKeys(mapper.progress(c.id()));
    long signed = n(p, "signed");
    long online = n(p, "signed_online");
    Double rate = signed == 0 ? null : Math.round(online * 1000.0 / signed) / 10.0;
    return new CampaignProgress(c.id(), c.region(), c.evalYear(), c.status(), c.totalAgreements(), c.startedCount(),
        c.batches(), n(p, "graded"), n(p, "qualified"), n(p, "basically"), n(p, "unqualified"), n(p, "renewed"),
        n(p, "deferred"), n(p, "deferred_signed"), n(p, "not_renewed"), n(p, "terminated"), online, signed, rate);
  }

  private static Map<String, Object> lowerKeys(Map<String, Object> row) {
    Map<String, Object> m = new HashMap<>();
    if (row != null) {
      row.forEach((k, v) -> m.put(k.toLowerCase(java.util.Locale.ROOT), v));
    }
    return m;
  }

  private static long n(Map<String, Object> row, String key) {
    Object v = row.get(key);
    return v == null ? 0 : ((Number) v).longValue();
  }

  /** The year a campaign may be opened for (R-EVA-1); 400 naming the field otherwise. */
  public int validYear(Integer year) {
    int current = LocalDate.now(clock.withZone(org.yibaoflow.calendar.WorkingDayCalendar.ZONE)).getYear();
    if (year == null || year < 2000 || year > current) {
      throw DomainRuleException.badRequest("year", "R-EVA-1", "考核年度须为 2000 年至今年之间的自然年度",
          "The year must be a natural year from 2000 to the current year").with("year", year);
    }
    return year;
  }
}
