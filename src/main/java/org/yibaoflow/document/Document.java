package org.yibaoflow.document;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A generated written document as stored (without its content): kind, number (文号), the case it belongs to, the
 * hash of its content, and its service (送达) once recorded.
 */
public record Document(Long id, String region, String caseNo, String rootCaseNo, String kind, String occasion,
    String number, String fileName, String sha256, String templateSha256, String processInstanceId, String createdBy,
    OffsetDateTime createdAt, LocalDate servedOn, String serviceMethod, String servedBy, String serviceRecordedBy,
    OffsetDateTime serviceRecordedAt) {

  /** How a document was served (送达方式). */
  public enum ServiceMethod {
    DIRECT("直接送达"), MAIL("邮寄送达"), ELECTRONIC("电子送达");

    private final String nameZh;

    ServiceMethod(String nameZh) {
      this.nameZh = nameZh;
    }

    public String nameZh() {
      return nameZh;
    }

    public static java.util.Optional<ServiceMethod> of(String code) {
      return java.util.Arrays.stream(values()).filter(m -> m.name().equals(code == null ? "" : code.trim()))
          .findFirst();
    }
  }

  public String kindName() {
    return DocumentKind.of(kind).map(DocumentKind::nameZh).orElse(kind);
  }
}
