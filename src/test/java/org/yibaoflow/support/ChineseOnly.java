package org.yibaoflow.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * The check that a page (or a text) shows no English UI word and no raw code: Tasklist's forms (CaseworkerBrowserIT),
 * the supervision page and the case file (SupervisionBrowserIT, CaseFileIT on the JSON's display fields).
 */
public final class ChineseOnly {

  /**
   * Words a Chinese page may still contain: product names and the time zone. The region ids inside case numbers
   * ("VC-2026-huaibei-000001") are no words of their own (LATIN_WORD); a region id shown alone, as Tasklist shows a
   * task's tenant, is a raw code.
   */
  public static final Set<String> ALLOWED_WORDS = Set.of("Camunda", "Platform", "Tasklist", "Cockpit", "Admin", "BPMN",
      "DMN", "PDF", "Asia", "Shanghai");
  public static final Pattern LATIN_WORD = Pattern.compile("(?<![A-Za-z0-9-])[A-Za-z]{3,}(?![A-Za-z])");
  /**
   * An enum code (GEN_OVERCHARGE, SETTLEMENT_SUSPENSION) or one of the single-word codes of these forms; any other
   * single-word code (CLOSED, ACTIVE, a user id) is a Latin word LATIN_WORD finds.
   */
  public static final Pattern RAW_CODE = Pattern.compile("\\b([A-Z][A-Z0-9]*_[A-Z0-9_]+|HOSPITAL|PHARMACY|RECTIFICATION|"
      + "TERMINATION|INTERVIEW|APPROVE|RETURN|SUFFICIENT|INSUFFICIENT|COMPLAINT|JUDICIAL|DISCIPLINE|REGULATOR)\\b");

  private ChineseOnly() {
  }

  /** [English words, raw codes] in the texts. */
  @SuppressWarnings("unchecked")
  public static List<String>[] find(List<String> texts) {
    List<String> english = new ArrayList<>();
    List<String> codes = new ArrayList<>();
    for (String text : texts) {
      if (text == null) {
        continue;
      }
      Matcher w = LATIN_WORD.matcher(text);
      while (w.find()) {
        if (!ALLOWED_WORDS.contains(w.group())) {
          english.add(w.group());
        }
      }
      Matcher c = RAW_CODE.matcher(text);
      while (c.find()) {
        codes.add(c.group());
      }
    }
    return new List[] {english, codes};
  }

  /** [English words, raw codes] on the page: its text, and its placeholders, titles and button values. */
  @SuppressWarnings("unchecked")
  public static List<String>[] onPage(WebDriver driver) {
    JavascriptExecutor js = (JavascriptExecutor) driver;
    List<String> texts = new ArrayList<>();
    Object text = js.executeScript("return document.body ? document.body.innerText : '';");
    texts.add(text == null ? "" : text.toString());
    texts.addAll((List<String>) js.executeScript(
        "return Array.from(document.querySelectorAll('[placeholder],[title],input[type=submit]'))"
            + ".filter(e => e.offsetParent !== null)"
            + ".map(e => e.getAttribute('placeholder') || e.getAttribute('title') || e.value).filter(t => t);"));
    return find(texts);
  }
}
