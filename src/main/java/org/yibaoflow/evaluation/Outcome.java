package org.yibaoflow.evaluation;

/** What the evaluation decides for the agreement (processes/renewal-decision.dmn). */
public enum Outcome {
  /** 续签 (R-EVA-1, R-DES-4: signed online) */
  RENEW("续签"),
  /** 缓签 (R-EVA-4) */
  DEFER("缓签"),
  /** 不再签订 (R-EVA-5; 不合格 R-EVA-2) */
  NOT_RENEW("不再签订"),
  /** 解除协议: 不合格 two years in a row (R-EVA-2) */
  TERMINATE("解除协议");

  private final String zh;

  Outcome(String zh) {
    this.zh = zh;
  }

  public String zh() {
    return zh;
  }
}
