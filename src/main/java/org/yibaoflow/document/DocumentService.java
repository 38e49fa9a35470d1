package org.yibaoflow.document;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yibaoflow.platform.AuditEntry;
import org.yibaoflow.platform.AuditService;
import org.yibaoflow.platform.DomainRuleException;
import org.yibaoflow.platform.RegionAccess;

/**
 * Written documents (文书): generated from the region's template at the step that serves them, numbered by the
 * region's scheme in the same transaction, stored with their content hash and never changed afterwards; their
 * service (送达: date, method, who) is recorded once. Reads are region-checked (another region's document: 404).
 */
@Service
public class DocumentService {

  static final String ENTITY = "DOCUMENT";

  private final DocumentMapper mapper;
  private final DocumentNumbers numbers;
  private final DocumentTemplates templates;
  private final DocumentRenderer renderer;
  private final RegionAccess regionAccess;
  private final AuditService audit;
  private final ServedPeriods periods;
  private final Clock clock;

  DocumentService(DocumentMapper mapper, DocumentNumbers numbers, DocumentTemplates templates,
      DocumentRenderer renderer, RegionAccess regionAccess, AuditService audit, ServedPeriods periods, Clock clock) {
    this.mapper = mapper;
    this.numbers = numbers;
    this.templates = templates;
    this.renderer = renderer;
    this.regionAccess = regionAccess;
    this.audit = audit;
    this.periods = periods;
    this.clock = clock;
  }

  /**
   * What to generate: the kind for a case at a step (occasion), with the case's data for the template's tags.
   * {@code rootCaseNo} is the case whose file the document belongs to (the violation case of its objection).
   */
  public record Request(String region, String caseNo, String rootCaseNo, DocumentKind kind, String occasion,
      String processInstanceId, Map<String, Object> data) {
  }

  /**
   * Generates the document once per case, kind and occasion (a retried job gets the stored one back, with its
   * number): draws the next number of the region's prefix, renders the template, stores content and SHA-256.
   */
  @Transactional
  public Document generate(Request r) {
    Document existing = mapper.findByOccasion(r.caseNo(), r.kind().name(), r.occasion());
    if (existing != null) {
      return existing;
    }
    DocumentNumbers.Scheme scheme = numbers.scheme(r.region(), r.kind());
    LocalDate today = LocalDate.now(clock);
    DocumentNumbers.Number number = numbers.next(r.region(), scheme.prefix(), today.getYear());
    Map<String, Object> data = new HashMap<>(r.data());
    data.putIfAbsent("caseNo", r.caseNo());
    data.put("number", number.text());
    data.put("kindName", r.kind().nameZh());
    data.put("agencyName", scheme.agencyName());
    data.put("issuedOn", ChineseDates.inWords(today));
    byte[] template = templates.effective(r.region(), r.kind());
    byte[] content = renderer.render(template, data);

    DocumentMapper.NewRow row = new DocumentMapper.NewRow();
    row.region = r.region();
    row.caseNo = r.caseNo();
    row.rootCaseNo = r.rootCaseNo() == null ? r.caseNo() : r.rootCaseNo();
    row.kind = r.kind().name();
    row.occasion = r.occasion();
    row.number = number.text();
    row.prefix = number.prefix();
    row.year = number.year();
    row.seq = number.seq();
    row.fileName = r.kind().nameZh() + "-" + r.caseNo() + ".docx";
    row.content = content;
    row.sha256 = sha256(content);
    row.templateSha256 = sha256(template);
    row.processInstanceId = r.processInstanceId();
    row.createdBy = audit.currentActor();
    row.createdAt = OffsetDateTime.now(clock);
    mapper.insert(row);
    audit.record(AuditEntry.of(r.region(), ENTITY, String.valueOf(row.id), "GENERATED", null, null, null,
        "生成" + r.kind().nameZh() + " " + number.text(), r.processInstanceId(),
        "caseNo=" + r.caseNo() + ";sha256=" + row.sha256));
    return mapper.find(row.id);
  }

  /** The documents of a case (its own and those of its objections, transfers, rectifications), oldest first. */
  @Transactional(readOnly = true)
  public List<Document> ofCase(String caseNo) {
    List<Document> all = mapper.ofCase(caseNo);
    List<Document> visible = all.stream().filter(d -> regionAccess.canSee(d.region())).toList();
    if (visible.isEmpty() && !all.isEmpty()) {
      throw DomainRuleException.notFound("案件 / case", caseNo);
    }
    return visible;
  }

  @Transactional(readOnly = true)
  public Document visible(long id) {
    Document d = mapper.find(id);
    if (d == null || !regionAccess.canSee(d.region())) {
      throw DomainRuleException.notFound("文书 / document", String.valueOf(id));
    }
    return d;
  }

  @Transactional(readOnly = true)
  public byte[] content(long id) {
    visible(id);
    return mapper.content(id).get(0);
  }

  /** Unchecked read for process steps (no user): the stored document of a case, kind and occasion, or null. */
  @Transactional(readOnly = true)
  public Document stored(String caseNo, DocumentKind kind, String occasion) {
    return mapper.findByOccasion(caseNo, kind.name(), occasion);
  }

  /** Unchecked read for process steps (no user): the latest document of a kind the process instance generated. */
  @Transactional(readOnly = true)
  public Document latestOfProcess(String processInstanceId, DocumentKind kind) {
    List<Document> all = mapper.ofProcess(processInstanceId, kind.name());
    return all.isEmpty() ? null : all.get(0);
  }

  /**
   * Records the service of a document once: the date (not before it was generated, not in the future), the
   * method and who served it. An objection window still open on the decision then counts from that date (the
   * second window from the service of a review decision). The same service again is answered with the stored one;
   * a different one is 409.
   */
  @Transactional
  public Document recordService(long id, LocalDate servedOn, String method, String servedBy) {
    Document d = visible(id);
    Document served = serve(d, servedOn, method, servedBy);
    periods.served(served, servedOn);
    return served;
  }

  /**
   * The service recorded by the user task that serves the document (送达处理决定书, issue 17): the same checks and
   * record as {@link #recordService}; the period that follows starts in the process after the task, from this date.
   * The document is the process instance's own (found by the step, never named by a variable a user could set).
   */
  @Transactional
  public Document recordServiceAtStep(Document d, LocalDate servedOn, String method, String servedBy) {
    return serve(d, servedOn, method, servedBy);
  }

  /**
   * A service recorded at a step of an instance that generated no document (no region): the date (required, not
   * in the future) and the method are checked; nothing is stored but the process's date.
   */
  public LocalDate checkServiceWithoutDocument(LocalDate servedOn, String method) {
    method(servedOn, method);
    if (servedOn.isAfter(LocalDate.now(clock))) {
      throw DomainRuleException.badRequest("servedOn", "R-TIME-1", "送达日期不能晚于今天",
          "The date of service cannot lie in the future");
    }
    return servedOn;
  }

  private static Document.ServiceMethod method(LocalDate servedOn, String method) {
    if (servedOn == null) {
      throw DomainRuleException.badRequest("servedOn", "R-TIME-1", "须填写送达日期", "The date of service is required");
    }
    return Document.ServiceMethod.of(method).orElseThrow(() -> DomainRuleException.badRequest("method",
        "DOC-SERVICE", "送达方式须为直接送达、邮寄送达或电子送达", "The method of service must be DIRECT, MAIL or ELECTRONIC"));
  }

  private Document serve(Document d, LocalDate servedOn, String method, String servedBy) {
    long id = d.id();
    Document.ServiceMethod m = method(servedOn, method);
    LocalDate today = LocalDate.now(clock);
    LocalDate created = d.createdAt().atZoneSameInstant(org.yibaoflow.calendar.WorkingDayCalendar.ZONE).toLocalDate();
    if (servedOn.isAfter(today) || servedOn.isBefore(created)) {
      throw DomainRuleException.badRequest("servedOn", "R-TIME-1", "送达日期须在文书生成之日至今天之间",
          "The date of service must lie between the day the document was generated and today")
          .with("generatedOn", created.toString());
    }
    String who = servedBy == null || servedBy.isBlank() ? audit.currentActor() : servedBy.trim();
    if (who.length() > 64) {
      throw DomainRuleException.badRequest("servedBy", "INPUT", "送达人不超过 64 个字符", "servedBy: at most 64 characters");
    }
    if (d.servedOn() != null) {
      if (d.servedOn().equals(servedOn) && m.name().equals(d.serviceMethod())) {
        return d;
      }
      throw DomainRuleException.conflict("servedOn", "DOC-SERVICE", "该文书已登记送达，不能更改",
          "The service of this document is already recorded").with("servedOn", d.servedOn().toString());
    }
    if (mapper.recordService(id, servedOn, m.name(), who, audit.currentActor(), OffsetDateTime.now(clock)) == 0) {
      throw DomainRuleException.conflict("servedOn", "DOC-SERVICE", "该文书已登记送达", "Service already recorded");
    }
    audit.record(AuditEntry.of(d.region(), ENTITY, String.valueOf(id), "SERVED", null, null, null,
        m.nameZh() + " " + d.kindName() + " " + d.number(), d.processInstanceId(),
        "servedOn=" + servedOn + ";servedBy=" + who));
    return mapper.find(id);
  }

  static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

}
