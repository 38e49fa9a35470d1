package org.yibaoflow.document;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;

/**
 * Writes the shipped default templates ({@code src/main/resources/documents/templates/<KIND>.docx}) with Apache
 * POI: letterhead, title, number, addressee, the kind's body with poi-tl tags, the way to object where the kind has
 * one, seal line and date. Run once after changing a body here ({@code main}); {@code DocumentTemplatesTest} checks
 * the committed files still say what this generator writes. Agencies change their own copies in Word and upload
 * them (docs/documents.md).
 */
public final class TemplateGenerator {

  static final Path TARGET = Path.of("src/main/resources/documents/templates");

  /** The kind's body paragraphs; "@measures" stands for the block listing the measures. */
  static final Map<DocumentKind, List<String>> BODIES = new EnumMap<>(DocumentKind.class);

  static {
    body(DocumentKind.ACCEPTANCE, "你单位提交的定点医药机构申请材料已收悉。经审查，申请材料齐全、符合规定，本机构决定予以受理，"
        + "并将按规定组织评估，评估结果另行书面通知。{{decision}}");
    body(DocumentKind.SUPPLEMENT_REQUEST, "你单位提交的定点医药机构申请材料不齐全或不符合规定，请于{{periodEnd}}前补正以下材料："
        + "{{facts}}。逾期未补正的，视为放弃本次申请。");
    body(DocumentKind.REJECTION, "你单位提交的定点医药机构申请，经审查：{{facts}}。依据{{rule}}，本机构决定不予受理。{{decision}}");
    body(DocumentKind.EVALUATION_RESULT, "经本机构组织评估，你单位的评估结果为：{{decision}}。{{facts}}");
    body(DocumentKind.DOCUMENT_REQUEST, "本机构在医保基金监督检查中发现你单位涉嫌存在以下问题：{{findings}}。{{facts}}",
        "涉及金额：{{amountsText}}。",
        "依据{{rule}}，自本核查书送达之日起暂停你单位医保费用结算。请于{{periodDays}}日内（即{{periodEnd}}前）提供相关病历、"
            + "票据、进销存记录等资料。逾期未提供的，本机构将依服务协议解除协议。");
    body(DocumentKind.HEARING_NOTICE, "经调查，你单位存在以下违反医疗保障定点服务协议的行为：{{findings}}。{{facts}}",
        "本机构拟作出如下处理：{{decision}}", "@measures", "涉及金额：{{amountsText}}。",
        "你单位有权进行陈述和申辩。");
    body(DocumentKind.DECISION, "经调查核实，你单位存在以下违反医疗保障定点服务协议的行为：{{findings}}。{{facts}}",
        "本机构决定如下：{{decision}}", "@measures", "涉及金额：{{amountsText}}。");
    body(DocumentKind.RECTIFICATION_NOTICE, "依据{{rule}}及本机构的处理决定，责令你单位对以下问题限期整改：{{findings}}。{{facts}}",
        "整改期限为{{periodDays}}日，自本通知书送达之日起计算，至{{periodEnd}}止。请于期满前向本机构报送整改报告，"
            + "本机构将组织复查。逾期未整改或整改不到位的，本机构将依服务协议中止协议。");
    body(DocumentKind.REFERRAL_LETTER, "本机构在办理{{institutionName}}违约案件（案件编号{{caseNo}}）中发现：{{facts}}",
        "涉及金额：{{amountsText}}。", "依据{{rule}}，现将该案件移送你单位依法处理，请将处理结果书面反馈本机构。",
        "附：案件材料清单 {{dossier}}");
    body(DocumentKind.OBJECTION_REVIEW, "你单位（人）对本机构作出的{{decisionRef}}提出异议。经复核，{{decision}}。{{facts}}");
    body(DocumentKind.ANNUAL_EVALUATION_RESULT, "根据年度考核办法，经考核，你单位{{year}}年度考核结果为：{{decision}}。{{facts}}");
    body(DocumentKind.RENEWAL_NOTICE, "根据年度考核结果，{{decision}}。请于{{periodEnd}}前与本机构办理服务协议续签手续。");
    body(DocumentKind.DEFERRAL_NOTICE, "根据年度考核结果，{{decision}}。缓签期至{{periodEnd}}止，期间请完成整改并申请复核。{{facts}}");
    body(DocumentKind.NON_RENEWAL_NOTICE, "根据年度考核结果，依据{{rule}}，{{decision}}。{{facts}}");
    body(DocumentKind.PERSONNEL_SCORING_NOTICE, "你单位医保支付资格相关人员{{personName}}存在以下行为：{{findings}}。"
        + "依据{{rule}}，对其记{{points}}分。{{decision}}");
    body(DocumentKind.PERSONNEL_DECISION, "你单位医保支付资格相关人员{{personName}}本年度累计记分已达规定分值：{{findings}}。"
        + "依据{{rule}}，本机构决定：{{decision}}。");
    body(DocumentKind.FINE_NOTICE, "经查，你单位存在以下骗取医疗保障基金的行为：{{findings}}。{{facts}}",
        "涉及金额：{{amountsText}}。", "依据{{rule}}（处骗取金额2倍以上5倍以下罚款），本机关拟作出如下行政处罚：{{decision}}");
    body(DocumentKind.FINE_DECISION, "经查，你单位存在以下骗取医疗保障基金的行为：{{findings}}。{{facts}}",
        "涉及金额：{{amountsText}}。", "依据{{rule}}，本机关决定：{{decision}}",
        "罚款自本决定生效之日起{{periodDays}}日内缴纳。逾期不缴纳的，本机关将依法申请强制执行。");
    body(DocumentKind.QUALIFICATION_STOP, "你单位医保支付资格相关人员{{personName}}经查实存在骗取医疗保障基金的行为：{{facts}}",
        "依据{{rule}}，本机构决定：{{decision}}");
    body(DocumentKind.INSURED_SUSPENSION, "经查实，你存在参与骗取医疗保障基金的行为：{{facts}}",
        "依据{{rule}}，本机构决定：{{decision}}");
    body(DocumentKind.REWARD_NOTICE, "你于{{reportedOn}}举报的{{reportedInstitution}}违法违规使用医疗保障基金问题，经核查属实，"
        + "已立案处理（案件编号{{violationCaseNo}}），处理决定已生效。",
        "依据{{rule}}及本地区举报奖励标准，按追回医疗保障基金{{recoveredAmount}}元的{{rewardPercent}}%，给予举报奖励"
            + "{{rewardAmount}}元{{cappedText}}。",
        "请凭本通知书和受理回执码到本机构领取奖励；实名举报的，须同时出示本人有效身份证件。本机构对举报人的信息予以保密。");
  }

  private TemplateGenerator() {
  }

  private static void body(DocumentKind kind, String... paragraphs) {
    BODIES.put(kind, List.of(paragraphs));
  }

  public static void main(String[] args) throws IOException {
    Files.createDirectories(TARGET);
    for (DocumentKind kind : DocumentKind.values()) {
      Files.write(TARGET.resolve(kind.name() + ".docx"), generate(kind));
    }
  }

  /** The paragraphs of a kind's template, top to bottom. */
  static List<String> paragraphs(DocumentKind kind) {
    List<String> p = new ArrayList<>();
    p.add("{{agencyName}}");
    p.add("{{kindName}}");
    p.add("{{number}}");
    p.add("案件编号：{{caseNo}}");
    p.add(kind == DocumentKind.REFERRAL_LETTER ? "{{recipient}}：" : "{{institutionName}}：");
    for (String b : BODIES.get(kind)) {
      if (b.equals("@measures")) {
        p.add("{{?measures}}");
        p.add("{{index}}．{{name}}（依据{{rule}}，{{clause}}）{{amount}}");
        p.add("{{/measures}}");
      } else {
        p.add(b);
      }
    }
    if (kind.objectable()) {
      p.add("如对本文书有异议，可在收到本文书之日起{{objectionDays}}个工作日内，即{{objectionDeadline}}前，{{objectionHow}}。"
          + "逾期未提出的，本文书所载决定即发生效力。");
    }
    p.add("{{agencyName}}（盖章）");
    p.add("{{issuedOn}}");
    return p;
  }

  static byte[] generate(DocumentKind kind) {
    try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      List<String> paragraphs = paragraphs(kind);
      for (int i = 0; i < paragraphs.size(); i++) {
        String text = paragraphs.get(i);
        XWPFParagraph p = doc.createParagraph();
        boolean heading = i < 2;
        boolean tail = i >= paragraphs.size() - 2;
        p.setAlignment(heading || i == 2 ? ParagraphAlignment.CENTER : tail ? ParagraphAlignment.RIGHT
            : ParagraphAlignment.BOTH);
        if (!heading && i > 4 && !tail && !text.startsWith("{{?") && !text.startsWith("{{/")) {
          p.setIndentationFirstLine(640);
        }
        p.setSpacingAfter(120);
        XWPFRun r = p.createRun();
        r.setText(text);
        r.setFontFamily(heading ? "方正小标宋简体" : "仿宋_GB2312");
        r.setFontSize(heading ? 22 : 16);
        r.setBold(heading);
      }
      doc.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
