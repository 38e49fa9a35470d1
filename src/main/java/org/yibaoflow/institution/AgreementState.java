package org.yibaoflow.institution;

/** States of a service agreement (服务协议). */
public enum AgreementState {
  /** 正常履行 */
  ACTIVE("履行中"),
  /** 暂停结算: money stops, the agreement stays (R-VIO-6, R-VIO-7) */
  SETTLEMENT_SUSPENDED("暂停结算"),
  /** 中止协议: the agreement is paused (R-VIO-2) */
  SUSPENDED("中止"),
  /** 解除协议 (R-VIO-3..9) */
  TERMINATED("解除"),
  /** the period ended */
  EXPIRED("到期"),
  /** 不再签订 (R-EVA-5) */
  NOT_RENEWED("不再签订"),
  /** 缓签 (R-EVA-4): signed once the evaluation passes */
  DEFERRED("缓签");

  private final String zh;

  AgreementState(String zh) {
    this.zh = zh;
  }

  public String zh() {
    return zh;
  }

  /** States an agreement can be signed in: a normal signing, or a deferred one (R-EVA-4). */
  public boolean isInitial() {
    return this == ACTIVE || this == DEFERRED;
  }
}
