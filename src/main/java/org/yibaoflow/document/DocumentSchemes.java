package org.yibaoflow.document;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.yibaoflow.platform.AuditEntry;
import org.yibaoflow.platform.AuditService;
import org.yibaoflow.platform.DomainRuleException;

/**
 * A region's numbering scheme and letterhead (table {@code document_scheme}): the agency name printed on its
 * documents, the prefix of its numbers (淮医保协 -> 淮医保协〔2026〕12号) and, per kind, a prefix of its own. Kinds
 * sharing a prefix share its sequence.
 */
@Component
class DocumentSchemes {

  private final DocumentMapper mapper;
  private final DocumentNumbers numbers;
  private final AuditService audit;
  private final Clock clock;

  DocumentSchemes(DocumentMapper mapper, DocumentNumbers numbers, AuditService audit, Clock clock) {
    this.mapper = mapper;
    this.numbers = numbers;
    this.audit = audit;
    this.clock = clock;
  }

  /** The scheme as the API shows and takes it. */
  /** Bounds: the columns of document_scheme (agency_name 200, kind and num_prefix 40). */
  record SchemeView(@Size(max = 200) String agencyName, @Size(max = 40) String prefix,
      @Size(max = 50) Map<@NotBlank @Size(max = 40) String, @NotBlank @Size(max = 40) String> kindPrefixes) {
  }

  SchemeView view(String region) {
    Map<String, String> kinds = new TreeMap<>();
    mapper.scheme(region).stream().filter(r -> !DocumentNumbers.REGION_DEFAULT.equals(r.kind()))
        .forEach(r -> kinds.put(r.kind(), r.prefix()));
    DocumentNumbers.Scheme base = numbers.scheme(region, DocumentKind.DECISION);
    String prefix = mapper.scheme(region).stream().filter(r -> DocumentNumbers.REGION_DEFAULT.equals(r.kind()))
        .map(DocumentMapper.SchemeRow::prefix).findFirst().orElse(DocumentNumbers.DEFAULT_PREFIX);
    return new SchemeView(base.agencyName(), prefix, kinds);
  }

  @Transactional
  SchemeView update(String region, SchemeView s) {
    String prefix = prefix(s.prefix(), "prefix");
    String agency = s.agencyName() == null || s.agencyName().isBlank() ? null : s.agencyName().trim();
    if (agency == null || agency.length() > 200) {
      throw DomainRuleException.badRequest("agencyName", "DOC-NUMBER", "须填写经办机构名称（不超过 200 字）",
          "The agency name is required (at most 200 characters)");
    }
    Map<String, String> kinds = s.kindPrefixes() == null ? Map.of() : s.kindPrefixes();
    kinds.forEach((k, p) -> {
      DocumentSettingsController.kind(k);
      prefix(p, "kindPrefixes." + k);
    });
    save(region, DocumentNumbers.REGION_DEFAULT, prefix, agency);
    kinds.forEach((k, p) -> save(region, k, p.trim(), null));
    audit.record(AuditEntry.of(region, "DOCUMENT_SCHEME", region, "SCHEME_CHANGED", null, null, null,
        "文号方案：" + prefix + " " + kinds, null, "agencyName=" + agency));
    return view(region);
  }

  /** Demo data: the scheme of a demo region, unless it has one. */
  @Transactional
  void seed(String region, String agencyName, String prefix) {
    if (mapper.scheme(region).isEmpty()) {
      save(region, DocumentNumbers.REGION_DEFAULT, prefix, agencyName);
    }
  }

  private void save(String region, String kind, String prefix, String agency) {
    String by = audit.currentActor();
    OffsetDateTime now = OffsetDateTime.now(clock);
    if (mapper.updateScheme(region, kind, prefix, agency, by, now) == 0) {
      mapper.insertScheme(region, kind, prefix, agency, by, now);
    }
  }

  private static String prefix(String p, String field) {
    if (p == null || p.isBlank() || p.trim().length() > 40 || p.matches(".*[〔〕\\[\\]号].*")) {
      throw DomainRuleException.badRequest(field, "DOC-NUMBER", "文号前缀须为 1 至 40 个字符，不含〔〕和“号”",
          "A number prefix has 1 to 40 characters without 〔〕 or 号");
    }
    return p.trim();
  }
}
