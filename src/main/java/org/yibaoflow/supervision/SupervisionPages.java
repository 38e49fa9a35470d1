package org.yibaoflow.supervision;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The two pages: {@code /supervision} and {@code /cases/{caseNo}} (a stable address: task forms link to it). Both are
 * static HTML + JS (src/main/resources/static/supervision/) over the JSON API; the filter chain has already
 * authenticated the user (PageSecurityConfig).
 */
@Controller
class SupervisionPages {

  @GetMapping({"/supervision", "/supervision/"})
  String supervision() {
    return "forward:/supervision/index.html";
  }

  @GetMapping("/cases/{caseNo}")
  String caseFile(@PathVariable String caseNo) {
    return "forward:/supervision/case.html";
  }
}
