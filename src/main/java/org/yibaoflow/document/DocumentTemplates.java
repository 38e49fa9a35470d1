package org.yibaoflow.document;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.yibaoflow.platform.AuditEntry;
import org.yibaoflow.platform.AuditService;
import org.yibaoflow.platform.DomainRuleException;

/**
 * The Word template of a kind for a region: the region's own upload (table {@code document_template}) or the
 * shipped default ({@code documents/templates/<KIND>.docx}). An upload must be a .docx poi-tl can read and must
 * carry the tags a served document cannot do without (its number, case and addressee).
 */
@Component
public class DocumentTemplates {

  /** Tags every template must keep. */
  static final List<String> REQUIRED_TAGS = List.of("number", "caseNo", "institutionName");
  static final int MAX_BYTES = 5 * 1024 * 1024;

  private final DocumentMapper mapper;
  private final DocumentRenderer renderer;
  private final AuditService audit;
  private final Clock clock;

  DocumentTemplates(DocumentMapper mapper, DocumentRenderer renderer, AuditService audit, Clock clock) {
    this.mapper = mapper;
    this.renderer = renderer;
    this.audit = audit;
    this.clock = clock;
  }

  /** The template in force for the region and kind. */
  public byte[] effective(String region, DocumentKind kind) {
    List<byte[]> own = mapper.template(region, kind.name());
    return own.isEmpty() ? shipped(kind) : own.get(0);
  }

  public static byte[] shipped(DocumentKind kind) {
    try (InputStream in = new ClassPathResource(kind.defaultTemplate()).getInputStream()) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("Shipped template missing: " + kind.defaultTemplate(), e);
    }
  }

  /** Stores a region's own template of a kind (replacing an earlier upload); documents generated so far keep theirs. */
  @Transactional
  public String upload(String region, DocumentKind kind, byte[] docx) {
    if (docx == null || docx.length == 0 || docx.length > MAX_BYTES) {
      throw DomainRuleException.badRequest("template", "DOC-TEMPLATE", "模板须为不超过 5 MB 的 Word 文件（.docx）",
          "The template must be a Word file (.docx) of at most 5 MB");
    }
    Set<String> tags;
    try {
      tags = renderer.tags(docx);
    } catch (RuntimeException unreadable) {
      throw DomainRuleException.badRequest("template", "DOC-TEMPLATE", "无法读取该 Word 模板，请上传 .docx 格式文件",
          "The template is not a readable .docx file");
    }
    List<String> missing = REQUIRED_TAGS.stream().filter(t -> !tags.contains(t)).toList();
    if (!missing.isEmpty()) {
      throw DomainRuleException.badRequest("template", "DOC-TEMPLATE",
          "模板缺少必需的标签：" + missing.stream().map(t -> "{{" + t + "}}").toList(),
          "The template lacks the required tags " + missing).with("missingTags", missing);
    }
    String sha = DocumentService.sha256(docx);
    String by = audit.currentActor();
    OffsetDateTime now = OffsetDateTime.now(clock);
    if (mapper.updateTemplate(region, kind.name(), docx, sha, by, now) == 0) {
      mapper.insertTemplate(region, kind.name(), docx, sha, by, now);
    }
    audit.record(AuditEntry.of(region, "DOCUMENT_TEMPLATE", kind.name(), "TEMPLATE_UPLOADED", null, null, null,
        "上传" + kind.nameZh() + "模板", null, "sha256=" + sha));
    return sha;
  }
}
