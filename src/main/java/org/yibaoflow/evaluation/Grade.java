package org.yibaoflow.evaluation;

import java.util.Optional;

/** The grades of the annual evaluation (R-EVA-1 [002 §二(一)2-3]). */
public enum Grade {
  QUALIFIED("合格"),
  BASICALLY_QUALIFIED("基本合格"),
  UNQUALIFIED("不合格");

  private final String zh;

  Grade(String zh) {
    this.zh = zh;
  }

  public String zh() {
    return zh;
  }

  /**
   * The grade a text names: the code or the Chinese word (an objection's changed decision is free text, e.g.
   * "变更为基本合格"). 不合格 and 基本合格 are looked for before 合格, which both contain.
   */
  public static Optional<Grade> fromText(String text) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    String t = text.trim();
    for (Grade g : values()) {
      if (g.name().equalsIgnoreCase(t)) {
        return Optional.of(g);
      }
    }
    if (t.contains(UNQUALIFIED.zh)) {
      return Optional.of(UNQUALIFIED);
    }
    if (t.contains(BASICALLY_QUALIFIED.zh)) {
      return Optional.of(BASICALLY_QUALIFIED);
    }
    return t.contains(QUALIFIED.zh) ? Optional.of(QUALIFIED) : Optional.empty();
  }
}
