package org.yibaoflow.expensereview;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.yibaoflow.platform.DomainRuleException;

/**
 * A caseworker's CSV upload of a settlement batch (UTF-8, comma separated, a header line):
 * {@code claimId,institutionCode,careType,stayDays,itemCount,amount}; careType INPATIENT/OUTPATIENT or 住院/门诊.
 * A malformed line is a 400 naming {@code file} and the line; the values are checked like the JSON API's.
 */
final class ClaimCsv {

  static final List<String> HEADER = List.of("claimId", "institutionCode", "careType", "stayDays", "itemCount",
      "amount");

  private ClaimCsv() {
  }

  static List<ClaimInput> parse(InputStream in) {
    List<ClaimInput> claims = new ArrayList<>();
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String header = reader.readLine();
      if (header == null || !List.of(strip(header).split(",", -1)).stream().map(String::trim).toList().equals(HEADER)) {
        throw bad(1, "首行须为表头 " + String.join(",", HEADER), "The first line must be the header "
            + String.join(",", HEADER));
      }
      String line;
      int number = 1;
      while ((line = reader.readLine()) != null) {
        number++;
        if (line.isBlank()) {
          continue;
        }
        String[] f = line.split(",", -1);
        if (f.length != HEADER.size()) {
          throw bad(number, "第 " + number + " 行应有 " + HEADER.size() + " 列", "Line " + number + " must have "
              + HEADER.size() + " columns");
        }
        try {
          claims.add(new ClaimInput(f[0].trim(), f[1].trim(), careType(f[2].trim()), Integer.valueOf(f[3].trim()),
              Integer.valueOf(f[4].trim()), new BigDecimal(f[5].trim())));
        } catch (NumberFormatException e) {
          throw bad(number, "第 " + number + " 行的天数、项目数或金额不是数字", "Line " + number
              + ": stayDays, itemCount and amount must be numbers");
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return claims;
  }

  private static String careType(String value) {
    return switch (value) {
      case "住院" -> ClaimInput.INPATIENT;
      case "门诊" -> ClaimInput.OUTPATIENT;
      default -> value;
    };
  }

  private static String strip(String header) {
    return header.startsWith("\uFEFF") ? header.substring(1) : header;
  }

  private static DomainRuleException bad(int line, String zh, String en) {
    return DomainRuleException.badRequest("file", "INPUT", zh, en).with("line", line);
  }
}
