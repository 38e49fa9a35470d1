package org.yibaoflow.document;

import java.util.Arrays;
import java.util.Optional;

/**
 * The kinds of written documents (文书) the processes serve. Each kind has its Word template (shipped default
 * {@code documents/templates/<KIND>.docx}, overridable per region), its Chinese name, and says whether it carries
 * amounts and a way to object (the objection window counts from its service, R-PERS-12).
 */
public enum DocumentKind {
  ACCEPTANCE("受理通知书", false, false),
  SUPPLEMENT_REQUEST("补正材料通知书", false, false),
  REJECTION("不予受理决定书", false, true),
  EVALUATION_RESULT("评估结果通知书", false, true),
  DOCUMENT_REQUEST("核查书", true, false),
  HEARING_NOTICE("告知书", true, true),
  DECISION("处理决定书", true, true),
  RECTIFICATION_NOTICE("整改通知书", false, false),
  REFERRAL_LETTER("移送函", true, false),
  OBJECTION_REVIEW("异议复核决定书", false, true),
  ANNUAL_EVALUATION_RESULT("考核结果通知书", false, true),
  RENEWAL_NOTICE("续签通知书", false, false),
  DEFERRAL_NOTICE("缓签通知书", false, true),
  NON_RENEWAL_NOTICE("不再签订通知书", false, true),
  PERSONNEL_SCORING_NOTICE("人员记分告知书", false, true),
  PERSONNEL_DECISION("人员处理决定书", false, true),
  /** R-VIO-10: the administrative department's notice of a proposed fine, with the right to a statement and hearing. */
  FINE_NOTICE("行政处罚告知书", true, true),
  /** R-VIO-10: the administrative department's decision on a fine (行政处罚决定书). */
  FINE_DECISION("行政处罚决定书", true, true),
  /** R-VIO-12: stop of a person's settlement qualification for the years decided. */
  QUALIFICATION_STOP("停止医保结算资格决定书", false, true),
  /** R-VIO-12: suspension of an insured person's direct settlement for the months decided. */
  INSURED_SUSPENSION("暂停医保直接结算决定书", false, true),
  /** R-VIO-15: the whistle-blower's reward, addressed by the receipt code, never by name. */
  REWARD_NOTICE("举报奖励通知书", false, false);

  private final String nameZh;
  private final boolean amounts;
  private final boolean objectable;

  DocumentKind(String nameZh, boolean amounts, boolean objectable) {
    this.nameZh = nameZh;
    this.amounts = amounts;
    this.objectable = objectable;
  }

  public String nameZh() {
    return nameZh;
  }

  /** Whether the document states amounts (recovery, refusal, fine proposal, amount involved). */
  public boolean amounts() {
    return amounts;
  }

  /** Whether the document tells how to object and by when. */
  public boolean objectable() {
    return objectable;
  }

  /** The classpath resource of the shipped default template. */
  public String defaultTemplate() {
    return "documents/templates/" + name() + ".docx";
  }

  public static Optional<DocumentKind> of(String code) {
    return Arrays.stream(values()).filter(k -> k.name().equals(code)).findFirst();
  }
}
