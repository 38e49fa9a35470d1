package org.yibaoflow.fine;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.yibaoflow.platform.AllowedRoles;
import org.yibaoflow.platform.Amount;
import org.yibaoflow.platform.DomainRuleException;
import org.yibaoflow.platform.Role;
import org.yibaoflow.platform.SaneDate;

/**
 * The administrative department's fines (R-VIO-10) of the user's regions: the list (by status, e.g. UNPAID), one
 * fine, and what the party hands in while the process waits: a statement or hearing request, a payment.
 */
@RestController
@RequestMapping("/api/fines")
class FineController {

  private final FineService service;
  private final FinePayments payments;

  FineController(FineService service, FinePayments payments) {
    this.service = service;
    this.payments = payments;
  }

  record StatementRequest(@NotBlank @Size(max = 4000) String statement) {
  }

  record PaymentRequest(@NotNull @SaneDate(yearsAhead = 0, rule = "R-VIO-10") LocalDate paidOn,
      @NotNull @Amount(rule = "R-VIO-10") BigDecimal amount, @NotBlank @Size(max = 64) String receiptNo) {
  }

  @AllowedRoles({Role.ADMINDEPT, Role.SUPERVISOR, Role.CASEWORKER, Role.ADMIN})
  @GetMapping
  List<Fine.Row> list(@RequestParam(required = false) String status) {
    if (status != null && !status.matches("DECIDING|DECLINED|NOTIFIED|DECIDED|REVOKED|EFFECTIVE|PAID|UNPAID|ENFORCEMENT")) {
      throw DomainRuleException.badRequest("status", "R-VIO-10", "状态无效：" + status, "Unknown status " + status);
    }
    return service.list(status);
  }

  @AllowedRoles({Role.ADMINDEPT, Role.SUPERVISOR, Role.CASEWORKER, Role.ADMIN})
  @GetMapping("/{fineNo}")
  Fine get(@PathVariable String fineNo) {
    return service.get(fineNo);
  }

  // R-VIO-10: the party's statement, defence or hearing request after the notice (告知), registered by the department
  @AllowedRoles({Role.ADMINDEPT, Role.CASEWORKER})
  @PostMapping("/{fineNo}/statement")
  @ResponseStatus(HttpStatus.ACCEPTED)
  void statement(@PathVariable String fineNo, @Valid @RequestBody StatementRequest request) {
    service.receiveStatement(fineNo, request.statement());
  }

  // R-VIO-10: payment of the fine in effect (缴款), as the receipt shows it
  @AllowedRoles({Role.ADMINDEPT, Role.CASEWORKER})
  @PostMapping("/{fineNo}/payment")
  @ResponseStatus(HttpStatus.ACCEPTED)
  void payment(@PathVariable String fineNo, @Valid @RequestBody PaymentRequest request) {
    payments.receivePayment(fineNo, request.paidOn(), request.amount(), request.receiptNo());
  }
}
