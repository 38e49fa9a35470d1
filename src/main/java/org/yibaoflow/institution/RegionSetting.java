package org.yibaoflow.institution;

import java.util.Arrays;
import java.util.Optional;

/**
 * Every duration or threshold a policy names for these processes, per region, with its rule. The shipped
 * default of each is {@code yibao.region-defaults.<key>} in application.yml; a region overrides it in the
 * table region_setting. Values are positive integers within [min, max].
 */
public enum RegionSetting {
  /** R-VIO-5: 3 in [000 §一], "2 or more" in [003 §三(三)]; 1..10 allowed so a region can be stricter. */
  SUSPENSION_TERMINATION_THRESHOLD("suspension-termination-threshold", Unit.COUNT, "R-VIO-5", 1, 10,
      "协议期内累计中止协议次数达到该值即解除协议"),
  /** R-VIO-9: 3 years [000 §一; 003 §三(三)]. */
  TERMINATION_BAN("termination-ban", Unit.YEARS, "R-VIO-9", 1, 10, "解除协议后不得再次申请定点的年限"),
  /** R-VIO-7: "原则上7天内" [003 §三(一)2]. */
  DOCUMENT_DEADLINE("document-deadline", Unit.DAYS, "R-VIO-7", 1, 90, "暂停结算后提供资料的期限"),
  /** R-VIO-2: 限期整改; the seeds name no period, 30 days is the product default. */
  RECTIFICATION_PERIOD("rectification-period", Unit.DAYS, "R-VIO-2", 1, 365, "限期整改的默认期限"),
  /** R-DES-3: 公示; the seeds name no period, 5 working days is the product default. */
  PUBLIC_NOTICE_PERIOD("public-notice-period", Unit.WORKING_DAYS, "R-DES-3", 1, 60, "评估结果公示期"),
  /** R-PERS-12: 10 working days after the written notice [004 §六(一)]. */
  OBJECTION_WINDOW("objection-window", Unit.WORKING_DAYS, "R-PERS-12", 1, 60, "书面异议期限"),
  /** R-DES-2: time limit of an evaluation (product default 3 months). */
  EVALUATION_TIME_LIMIT("evaluation-time-limit", Unit.MONTHS, "R-DES-2", 1, 12, "定点评估时限"),
  /** R-DES-2: rectification before a re-evaluation (product default 3 months). */
  RE_EVALUATION_RECTIFICATION_PERIOD("re-evaluation-rectification-period", Unit.MONTHS, "R-DES-2", 1, 12,
      "评估不通过后整改再评估的期限"),
  /** R-DES-2: the supervisor is alerted this many working days before the evaluation limit (product default 10). */
  EVALUATION_ESCALATION_LEAD("evaluation-escalation-lead", Unit.WORKING_DAYS, "R-DES-2", 1, 60, "评估时限届满前提醒督办的工作日数"),
  /** R-DES-2: after the rectification period the institution may ask for re-evaluation within this window. */
  RE_EVALUATION_REQUEST_WINDOW("re-evaluation-request-window", Unit.MONTHS, "R-DES-2", 1, 12,
      "整改期满后申请再次评估的期限，逾期未申请的关闭申请"),
  /** R-DES-4: term of an agreement signed after designation (product default 1 year). */
  AGREEMENT_TERM("agreement-term", Unit.YEARS, "R-DES-4", 1, 5, "新定点签订服务协议的有效期"),
  /** R-DES-1: a failed re-evaluation bars a new application (product default 1 year). */
  FAILED_RE_EVALUATION_BAR("failed-re-evaluation-bar", Unit.YEARS, "R-DES-1", 1, 5, "再次评估不通过后不得申请的年限"),
  /** R-DES-1: the completeness review (受理审查) tells the institution once what is missing (product default 5 working days). */
  COMPLETENESS_REVIEW_PERIOD("completeness-review-period", Unit.WORKING_DAYS, "R-DES-1", 1, 30,
      "受理审查（一次性告知需补正材料）期限"),
  /** R-DES-1: time to supplement incomplete material (product default 30 days). */
  SUPPLEMENT_PERIOD("supplement-period", Unit.DAYS, "R-DES-1", 1, 180, "补充申请材料的期限"),
  /**
   * R-VIO-13: the random second review samples at least 5 % of inpatient expenses [000 §二(二)]; a region may ask
   * more, never less (the violation case's sampling ratio and the expense review's sample both read it).
   */
  SECOND_REVIEW_SAMPLE_MINIMUM("second-review-sample-minimum", Unit.PERCENT, "R-VIO-13", 5, 100,
      "费用复审随机抽查住院费用的最低比例"),
  /** R-VIO-11: reminder when a transferred case has no feedback (product default 30 days). */
  REFERRAL_REMINDER_INTERVAL("referral-reminder-interval", Unit.DAYS, "R-VIO-11", 1, 365, "移送后催办反馈的间隔"),
  /**
   * R-VIO-10: working days after the 行政处罚告知书 for a statement, defence or hearing request (the seeds name none;
   * product default 5, the hearing request period of 《行政处罚法》第六十四条).
   */
  FINE_STATEMENT_PERIOD("fine-statement-period", Unit.WORKING_DAYS, "R-VIO-10", 3, 30, "行政处罚告知后陈述申辩、申请听证的期限"),
  /** R-VIO-10: days to pay a fine in effect (the seeds name none; product default 15, 《行政处罚法》第六十七条). */
  FINE_PAYMENT_PERIOD("fine-payment-period", Unit.DAYS, "R-VIO-10", 15, 90, "行政处罚决定生效后缴纳罚款的期限"),
  /** R-VIO-12: longest stop of a physician's settlement qualification; 1 to 5 years [000 §二(四)], a region may cap lower. */
  QUALIFICATION_STOP_MAX_YEARS("qualification-stop-max-years", Unit.YEARS, "R-VIO-12", 1, 5,
      "医师骗取医保基金停止医保结算资格的最长年限"),
  /** R-EVA-5: suspended on own request for over 180 days without asking to resume [003 §二(二)6]. */
  ON_REQUEST_SUSPENSION_LIMIT("on-request-suspension-limit", Unit.DAYS, "R-EVA-5", 1, 730, "依申请中止协议的最长期限"),
  /** R-PERS-1: a personnel agreement lasts 2 years [004 §三(二)]. */
  PERSONNEL_AGREEMENT_TERM("personnel-agreement-term", Unit.YEARS, "R-PERS-1", 1, 10, "相关人员服务协议有效期"),
  /** R-PERS-2: failing the yearly test bars a new agreement for 1 year [004 §三(三)]. */
  PERSONNEL_FAILED_TEST_BAR("personnel-failed-test-bar", Unit.YEARS, "R-PERS-2", 1, 5, "测试不合格后不再签订协议的年限"),
  /** R-PERS-6: 6-8 points suspend the person's agreement 3 months [004 §五(一)]. */
  PERSONNEL_SUSPENSION_SHORT("personnel-suspension-short", Unit.MONTHS, "R-PERS-6", 1, 24, "扣6-8分中止协议期限"),
  /** R-PERS-6: 9-11 points suspend it 6 months [004 §五(一)]. */
  PERSONNEL_SUSPENSION_LONG("personnel-suspension-long", Unit.MONTHS, "R-PERS-6", 1, 24, "扣9-11分中止协议期限"),
  /** R-PERS-10: share of an institution's personnel suspended or terminated in a year, 30 % [004 §五(三)]. */
  PERSONNEL_INSTITUTION_THRESHOLD("personnel-institution-threshold", Unit.PERCENT, "R-PERS-10", 1, 100,
      "年度内被中止或解除协议的相关人员占比达到该值时可中止或解除机构协议"),
  /**
   * R-PERS-10: months an institution's agreement stays suspended for the share of its suspended or terminated
   * personnel before it resumes by itself (the seed names no period: product default 3).
   */
  PERSONNEL_INSTITUTION_SUSPENSION("personnel-institution-suspension", Unit.MONTHS, "R-PERS-10", 1, 24,
      "相关人员比例达标中止机构协议的期限（期满自动恢复）"),
  /** R-EVA-1: the final score at or above which the grade is 合格 (the seeds name none: product default 85). */
  EVALUATION_PASS_SCORE("evaluation-pass-score", Unit.COUNT, "R-EVA-1", 1, 100, "年度考核合格分数线"),
  /** R-EVA-1: the final score at or above which the grade is 基本合格 (product default 70). */
  EVALUATION_BASIC_PASS_SCORE("evaluation-basic-pass-score", Unit.COUNT, "R-EVA-1", 1, 100, "年度考核基本合格分数线"),
  /** R-EVA-3: annual-evaluation deduction per agreement point (记分换算扣分; product default 1). */
  EVALUATION_POINTS_FACTOR("evaluation-points-factor", Unit.COUNT, "R-EVA-3", 1, 10, "协议记分换算年度考核扣分的倍数"),
  /** R-EVA-1: working days for scoring an institution in the campaign (product default 10). */
  EVALUATION_SCORING_PERIOD("evaluation-scoring-period", Unit.WORKING_DAYS, "R-EVA-1", 1, 60, "年度考核评分期限"),
  /** R-VIO-13: working days to verify a batch's suspicious claims (调阅病历、现场核查; the seeds name none: 10). */
  CLAIM_VERIFICATION_PERIOD("claim-verification-period", Unit.WORKING_DAYS, "R-VIO-13", 1, 60,
      "可疑费用单据核实及复审抽查期限"),
  /** R-VIO-14: every designated hospital at least 2 on-site routine inspections a year [000 §二(三)]. */
  ROUTINE_INSPECTION_MIN("routine-inspection-min", Unit.COUNT, "R-VIO-14", 2, 52, "每家定点医疗机构每年现场日常检查的最少次数"),
  /** R-VIO-14: at least 4 special actions a year in the region [000 §二(三)]. */
  SPECIAL_ACTION_MIN("special-action-min", Unit.COUNT, "R-VIO-14", 4, 52, "本地区每年专项检查的最少次数"),
  /** R-VIO-14: pharmacies are inspected at the region's own frequency (the seeds name none: product default 1). */
  PHARMACY_INSPECTION_FREQUENCY("pharmacy-inspection-frequency", Unit.COUNT, "R-VIO-14", 1, 52,
      "每家定点零售药店每年现场检查次数"),
  /** R-VIO-14: flying inspections sample at least 10 % of the region's hospitals [001 §三(四)]. */
  FLYING_SAMPLE_MIN_RATIO("flying-sample-min-ratio", Unit.PERCENT, "R-VIO-14", 10, 100, "飞行检查抽查定点医疗机构的最低比例"),
  /** R-VIO-14: the flying sample always includes the top 5 hospitals by last year's fund payments [001 §三(四)]. */
  FLYING_TOP_PAYERS("flying-top-payers", Unit.COUNT, "R-VIO-14", 5, 100, "飞行检查必查的上年度医保基金支付额排名靠前的机构数"),
  /** R-VIO-1: working days to triage a whistle-blower report (受理审查; the seeds name none: product default 5). */
  WHISTLEBLOWER_TRIAGE_PERIOD("whistleblower-triage-period", Unit.WORKING_DAYS, "R-VIO-1", 1, 30, "举报受理审查期限"),
  /** R-VIO-1: working days to verify an accepted report (核查; the seeds name none: product default 20). */
  WHISTLEBLOWER_VERIFICATION_PERIOD("whistleblower-verification-period", Unit.WORKING_DAYS, "R-VIO-1", 1, 120,
      "举报线索核查期限"),
  /** R-VIO-15: a reward is at most 100,000 yuan [002 §二(三)4]; a region may set less, never more. */
  WHISTLEBLOWER_REWARD_CAP("whistleblower-reward-cap", Unit.YUAN, "R-VIO-15", 1, 100_000, "举报奖励最高金额（元）"),
  /**
   * R-VIO-12: shortest suspension of an insured person's direct settlement (暂停医保直接结算). The seed names no period
   * [000 §二(四)]; product default 3 months, the lower bound of 《医疗保障基金使用监督管理条例》第四十一条 (3 to 12 months).
   */
  INSURED_SUSPENSION_MIN_MONTHS("insured-suspension-min-months", Unit.MONTHS, "R-VIO-12", 1, 12,
      "参保人骗取医保基金暂停医保直接结算的最短月数"),
  /** R-VIO-12: longest suspension of an insured person's direct settlement (product default 12 months, 条例第四十一条). */
  INSURED_SUSPENSION_MAX_MONTHS("insured-suspension-max-months", Unit.MONTHS, "R-VIO-12", 1, 12,
      "参保人骗取医保基金暂停医保直接结算的最长月数");

  public enum Unit { COUNT, DAYS, WORKING_DAYS, MONTHS, YEARS, PERCENT, YUAN }

  private final String key;
  private final Unit unit;
  private final String ruleId;
  private final int min;
  private final int max;
  private final String descriptionZh;

  RegionSetting(String key, Unit unit, String ruleId, int min, int max, String descriptionZh) {
    this.key = key;
    this.unit = unit;
    this.ruleId = ruleId;
    this.min = min;
    this.max = max;
    this.descriptionZh = descriptionZh;
  }

  public String key() {
    return key;
  }

  public Unit unit() {
    return unit;
  }

  public String ruleId() {
    return ruleId;
  }

  public int min() {
    return min;
  }

  public int max() {
    return max;
  }

  public String descriptionZh() {
    return descriptionZh;
  }

  public static Optional<RegionSetting> byKey(String key) {
    return Arrays.stream(values()).filter(s -> s.key.equals(key)).findFirst();
  }
}
