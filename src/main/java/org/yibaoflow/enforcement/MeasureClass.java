package org.yibaoflow.enforcement;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The measure classes of R-VIO-2, lightest first, with their Chinese names and whether the class orders a
 * rectification period when an objection changed a decision to it. The DMN violation-measures and the catalogue
 * answer these names; the agreement-points scale has a value for each.
 */
public enum MeasureClass {
  INTERVIEW("约谈", false),
  RECTIFICATION("限期整改", true),
  PUBLIC_CRITICISM("通报批评", true),
  REFUSAL_RECOVERY("拒付、追回医保基金", true),
  SETTLEMENT_SUSPENSION("暂停结算", true),
  AGREEMENT_SUSPENSION("中止协议", true),
  TERMINATION("解除协议", false);

  /** Every class's name. */
  public static final Set<String> NAMES = Arrays.stream(values()).map(Enum::name).collect(Collectors.toUnmodifiableSet());

  private final String zh;
  private final boolean withRectification;

  MeasureClass(String zh, boolean withRectification) {
    this.zh = zh;
    this.withRectification = withRectification;
  }

  public String zh() {
    return zh;
  }

  public boolean withRectification() {
    return withRectification;
  }

  public static Optional<MeasureClass> byName(String name) {
    return Arrays.stream(values()).filter(c -> c.name().equals(name)).findFirst();
  }

  /** The Chinese name of a class by its name (the name itself when unknown). */
  public static String zhOf(String name) {
    return byName(name).map(MeasureClass::zh).orElse(name);
  }
}
