package org.yibaoflow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Simplified Chinese for the Camunda webapps. The 7.24 webjar ships only en and de; we add
 * {@code app/<app>/locales/zh.json} and shadow {@code app/<app>/scripts/config.js} (our classes come
 * first on the classpath) to list 'zh' in availableLocales. The webapp matches only the primary
 * language tag of the browser, so zh-CN resolves to zh.
 *
 * <p>Checks that our translation still covers the webjar's en.json key for key (a Camunda upgrade
 * adding keys fails here) and that our config.js is still the shipped one apart from the locales.
 */
class CamundaWebappLocaleTest {

  private static final String APP_ROOT = "META-INF/resources/webjars/camunda/app/";
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{[^}]*}}");
  private static final Pattern CJK = Pattern.compile("\\p{IsHan}");
  private static final Pattern ACTIVE_LOCALES =
      Pattern.compile("(?m)^\\s*locales\\s*:\\s*\\{[^}]*?availableLocales\\s*:\\s*\\[([^\\]]*)][^}]*}\\s*,?");

  private static final Pattern CUSTOM_SCRIPTS =
      Pattern.compile("(?m)^\\s*customScripts\\s*:\\s*\\[\\s*'([^']+)'\\s*]\\s*,?");

  private final ObjectMapper mapper = new ObjectMapper();

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "welcome", "cockpit", "admin"})
  void zhTranslatesEveryKeyOfTheWebjarsEnglish(String app) throws IOException {
    Map<String, String> en = flatten(read(webjarResource(app + "/locales/en.json")));
    Map<String, String> zh = flatten(read(ourResource(app + "/locales/zh.json")));

    assertThat(en).as("%s en.json", app).isNotEmpty();
    assertThat(zh.keySet())
        .as("%s zh.json keys (missing would fall back to English, extra are stale)", app)
        .containsExactlyInAnyOrderElementsOf(en.keySet());

    List<String> problems = new ArrayList<>();
    int withCjk = 0;
    for (Map.Entry<String, String> entry : en.entrySet()) {
      String key = entry.getKey();
      String zhValue = zh.get(key);
      if (zhValue == null || zhValue.isBlank()) {
        problems.add(key + ": blank");
        continue;
      }
      if (!placeholders(entry.getValue()).equals(placeholders(zhValue))) {
        problems.add(key + ": placeholders " + placeholders(entry.getValue()) + " vs " + placeholders(zhValue));
      }
      if (CJK.matcher(zhValue).find()) {
        withCjk++;
      }
    }
    assertThat(problems).as("%s zh.json", app).isEmpty();
    assertThat(withCjk)
        .as("%s zh.json values containing Chinese (the rest are product names and tokens like ID, <=, HH:mm)", app)
        .isGreaterThanOrEqualTo((int) Math.ceil(en.size() * 0.9));
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "welcome", "cockpit", "admin"})
  void ourConfigJsEnablesZhAndOtherwiseMatchesTheWebjar(String app) throws IOException {
    List<URL> configs = resources(app + "/scripts/config.js");
    assertThat(configs).as("%s config.js on the classpath: ours and the webjar's", app).hasSize(2);
    assertThat(isWebjar(configs.get(0)))
        .as("our %s config.js must shadow the webjar's (first on the classpath): %s", app, configs)
        .isFalse();
    assertThat(isWebjar(configs.get(1))).as("second %s config.js comes from the webjar", app).isTrue();

    String ours = text(configs.get(0));
    String shipped = text(configs.get(1));

    Matcher locales = ACTIVE_LOCALES.matcher(withoutComments(ours));
    assertThat(locales.find()).as("%s config.js has an active locales block", app).isTrue();
    List<String> available =
        Arrays.stream(locales.group(1).split(","))
            .map(s -> s.trim().replaceAll("^['\"]|['\"]$", ""))
            .filter(s -> !s.isEmpty())
            .toList();
    assertThat(available).as("%s availableLocales", app).containsExactly("en", "de", "zh");
    // the webapp takes the browser's first language, keeps the part before '-' and lower-cases it
    assertThat(available).contains("zh-CN".split("-")[0].toLowerCase(Locale.ROOT));

    String withoutLocales = ACTIVE_LOCALES.matcher(withoutComments(ours)).replaceFirst("");
    if (app.equals("tasklist")) {
      // Tasklist also loads the Chinese for form-js, the date picker and moment (issue 15)
      Matcher scripts = CUSTOM_SCRIPTS.matcher(withoutLocales);
      assertThat(scripts.find()).as("tasklist config.js loads yibao/zh-forms").isTrue();
      assertThat(resources(app + "/" + scripts.group(1) + ".js")).as("the custom script exists").hasSize(1);
      withoutLocales = scripts.replaceFirst("");
    }
    assertThat(normalize(withoutLocales))
        .as("%s config.js differs from the webjar's only in the locales block (and Tasklist's custom script)", app)
        .isEqualTo(normalize(withoutComments(shipped)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "welcome", "cockpit", "admin"})
  void theCamunda8MigrationBannerIsHidden(String app) throws IOException {
    List<URL> styles = resources(app + "/styles/user-styles.css");
    assertThat(isWebjar(styles.get(0))).as("our user-styles.css shadows the webjar's").isFalse();
    assertThat(normalize(withoutComments(text(styles.get(0))))).contains(".ce-eol-banner{display:none!important;}");
  }

  private URL webjarResource(String path) throws IOException {
    List<URL> urls = resources(path);
    assertThat(urls).as(path).hasSize(1);
    assertThat(isWebjar(urls.get(0))).as("%s comes from the webjar: %s", path, urls).isTrue();
    return urls.get(0);
  }

  private URL ourResource(String path) throws IOException {
    List<URL> urls = resources(path);
    assertThat(urls).as(path).hasSize(1);
    assertThat(isWebjar(urls.get(0))).as("%s is ours, not the webjar's: %s", path, urls).isFalse();
    return urls.get(0);
  }

  private static List<URL> resources(String path) throws IOException {
    return Collections.list(CamundaWebappLocaleTest.class.getClassLoader().getResources(APP_ROOT + path));
  }

  private static boolean isWebjar(URL url) {
    return url.toString().contains("camunda-webapp-webjar");
  }

  private JsonNode read(URL url) throws IOException {
    try (InputStream in = url.openStream()) {
      return mapper.readTree(in); // the webjar's files start with a UTF-8 BOM; Jackson skips it
    }
  }

  private static String text(URL url) throws IOException {
    try (InputStream in = url.openStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static Map<String, String> flatten(JsonNode node) {
    Map<String, String> flat = new LinkedHashMap<>();
    flatten("", node, flat);
    return flat;
  }

  private static void flatten(String prefix, JsonNode node, Map<String, String> flat) {
    if (node.isObject()) {
      node.fields().forEachRemaining(e -> flatten(prefix + e.getKey() + ".", e.getValue(), flat));
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        flatten(prefix + i + ".", node.get(i), flat);
      }
    } else {
      flat.put(prefix.substring(0, prefix.length() - 1), node.asText());
    }
  }

  private static List<String> placeholders(String value) {
    List<String> found = new ArrayList<>();
    Matcher m = PLACEHOLDER.matcher(value);
    while (m.find()) {
      found.add(m.group());
    }
    Collections.sort(found);
    return found;
  }

  private static String withoutComments(String js) {
    return js.lines()
        .filter(line -> !line.stripLeading().startsWith("//"))
        .collect(Collectors.joining("\n"))
        .replaceAll("(?s)/\\*.*?\\*/", "");
  }

  private static String normalize(String js) {
    return js.replaceAll("\\s+", "");
  }
}
