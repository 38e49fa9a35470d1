package org.yibaoflow.whistleblower;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A whistle-blower report (举报) as stored, without its reporter: whether the reporter gave a name ({@code named})
 * is all a caseworker sees; the identity is {@link ReporterIdentity}, read only by {@code reportdesk} (R-VIO-15).
 * The receipt code the reporter asks about progress with is stored only as its hash.
 */
public record WhistleblowerReport(Long id, String reportNo, String region, String channel, boolean named,
    String institutionName, String content, String status, String institutionCode, String caseNo,
    String closeReasons, String closeNote, BigDecimal recoveredAmount, BigDecimal rewardPercent,
    BigDecimal rewardAmount, Boolean rewardCapped, LocalDate rewardPaidOn, String paymentRef,
    String processInstanceId, String createdBy, OffsetDateTime createdAt, OffsetDateTime updatedAt) {

  /** How the report arrived: the public page, or a caseworker registering a call, letter or visit. */
  public enum Channel { ONLINE, PHONE, LETTER, VISIT }

  /** Where the report stands; {@link #publicLabel} is all the reporter's receipt reveals. */
  public enum Status {
    RECEIVED("已受理，待审查"),
    VERIFYING("已受理，正在核查"),
    FOUNDED("经核查属实，已立案处理"),
    UNFOUNDED("已办结：经审查核查不予立案"),
    REWARD_PENDING("处理决定已生效，举报奖励审批中"),
    REWARD_APPROVED("举报奖励已批准，请凭受理回执码与医保部门联系领取"),
    REWARDED("举报奖励已发放，已办结"),
    CLOSED("已办结"),
    /** The case ended without a decision taking effect (revoked on objection, closed otherwise): no reward. */
    NO_DECISION("已办结：案件未作出生效处理决定");

    private final String publicLabel;

    Status(String publicLabel) {
      this.publicLabel = publicLabel;
    }

    public String publicLabel() {
      return publicLabel;
    }
  }

  /** A named reporter (实名举报人): stored apart, never in a case, variable, notice or export. */
  public record ReporterIdentity(String reportNo, String name, String phone, String idNumber, String address,
      String recordedBy, OffsetDateTime recordedAt) {
  }

  /** A reason a report is closed without a case (whistleblower_close_reason). */
  public record CloseReason(String code, String labelZh) {
  }
}
