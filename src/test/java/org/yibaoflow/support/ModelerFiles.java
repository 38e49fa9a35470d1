package org.yibaoflow.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The modeler files as modelers edit them: {@code processes/} and {@code forms/} at the project root. */
public final class ModelerFiles {

  public static final Path PROCESSES = Path.of("processes");
  public static final Path FORMS = Path.of("forms");

  private ModelerFiles() {
  }

  public static List<Path> bpmn() {
    return list(PROCESSES, ".bpmn");
  }

  public static List<Path> dmn() {
    return list(PROCESSES, ".dmn");
  }

  public static List<Path> forms() {
    return list(FORMS, ".form");
  }

  private static List<Path> list(Path dir, String suffix) {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A name a Chinese user can read: at least one CJK character. */
  public static boolean isChinese(String name) {
    return name != null && name.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
  }
}
