package org.yibaoflow.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every shipped template renders with a case's data, and the generated .docx read back carries the case number,
 * the institution, the number, the amounts (where the kind states amounts) and the objection deadline in words
 * (where the kind can be objected to, R-PERS-12); no poi-tl tag is left in the text.
 */
class DocumentTemplatesTest {

  final DocumentRenderer renderer = new DocumentRenderer();

  static Map<String, Object> caseData() {
    Map<String, Object> d = new HashMap<>();
    d.put("caseNo", "VC-2026-huaibei-000042");
    d.put("number", "淮医保协〔2026〕12号");
    d.put("kindName", "处理决定书");
    d.put("agencyName", "淮北市医疗保障基金管理中心");
    d.put("issuedOn", ChineseDates.inWords(LocalDate.of(2026, 12, 7)));
    d.put("institutionName", "淮北市人民医院");
    d.put("recipient", "淮北市公安局");
    d.put("facts", "2026年1月至6月虚构住院服务 12 人次。");
    d.put("findings", "虚构医药服务项目（R-VIO-3，协议第三十一条）");
    d.put("rule", "R-VIO-3");
    d.put("decision", "解除服务协议");
    d.put("measures", List.of(Map.of("index", 1, "name", "解除服务协议", "rule", "R-VIO-3", "clause", "协议第三十一条",
        "amount", ""), Map.of("index", 2, "name", "追回医保基金", "rule", "R-VIO-10", "clause", "协议第三十三条",
        "amount", "20,000.00元")));
    d.put("amountsText", "追回医保基金 20,000.00元；拒付 6,010.00元");
    d.put("periodDays", 7);
    d.put("periodEnd", ChineseDates.inWords(LocalDate.of(2026, 12, 14)));
    d.put("objectionDays", 10);
    d.put("objectionDeadline", ChineseDates.inWords(LocalDate.of(2026, 12, 21)));
    d.put("objectionHow", "向本机构提出书面异议");
    d.put("year", 2026);
    d.put("personName", "李医生");
    d.put("points", 6);
    return d;
  }

  @ParameterizedTest
  @EnumSource(DocumentKind.class)
  void everyTemplateRendersTheCasesDataAndReadsBack(DocumentKind kind) {
    byte[] docx = renderer.render(DocumentTemplates.shipped(kind), caseData());
    String text = DocumentRenderer.text(docx);
    assertThat(text).contains("VC-2026-huaibei-000042", "淮北市人民医院", "淮医保协〔2026〕12号",
        "淮北市医疗保障基金管理中心", "二〇二六年十二月七日").doesNotContain("{{", "}}");
    if (kind.amounts()) {
      assertThat(text).contains("20,000.00元");
    }
    if (kind.objectable()) {
      // 10 working days from 2026-12-07 end on 2026-12-21
      assertThat(text).contains("二〇二六年十二月二十一日前", "向本机构提出书面异议");
    }
  }

  @Test
  void theMeasuresBlockListsEachMeasureWithRuleAndClause() {
    String text = DocumentRenderer.text(renderer.render(DocumentTemplates.shipped(DocumentKind.DECISION), caseData()));
    assertThat(text).contains("1．解除服务协议（依据R-VIO-3，协议第三十一条）",
        "2．追回医保基金（依据R-VIO-10，协议第三十三条）20,000.00元");
  }

  @ParameterizedTest
  @EnumSource(DocumentKind.class)
  void theShippedTemplateIsWhatTheGeneratorWritesAndCarriesTheRequiredTags(DocumentKind kind) {
    assertThat(DocumentRenderer.text(DocumentTemplates.shipped(kind)))
        .isEqualTo(DocumentRenderer.text(TemplateGenerator.generate(kind)));
    assertThat(renderer.tags(DocumentTemplates.shipped(kind))).containsAll(DocumentTemplates.REQUIRED_TAGS);
  }

  @Test
  void datesAreWrittenInChineseWords() {
    assertThat(ChineseDates.inWords(LocalDate.of(2026, 12, 21))).isEqualTo("二〇二六年十二月二十一日");
    assertThat(ChineseDates.inWords(LocalDate.of(2030, 1, 10))).isEqualTo("二〇三〇年一月十日");
    assertThat(ChineseDates.inWords(LocalDate.of(2027, 10, 31))).isEqualTo("二〇二七年十月三十一日");
    assertThat(ChineseDates.inWords(LocalDate.of(2027, 2, 20))).isEqualTo("二〇二七年二月二十日");
  }
}
