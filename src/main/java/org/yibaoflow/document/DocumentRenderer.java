package org.yibaoflow.document;

import com.deepoove.poi.XWPFTemplate;
import com.deepoove.poi.config.Configure;
import com.deepoove.poi.template.ElementTemplate;
import com.deepoove.poi.template.MetaTemplate;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.springframework.stereotype.Component;

/**
 * Renders a Word template (.docx with poi-tl tags such as {@code {{number}}}, {@code {{institutionName}}} and the
 * block {@code {{?measures}} .. {{/measures}}}) with a document's data. A tag without data renders empty.
 */
@Component
public class DocumentRenderer {

  private final Configure configure = Configure.builder().build();

  public byte[] render(byte[] template, Map<String, Object> data) {
    try (XWPFTemplate t = XWPFTemplate.compile(new ByteArrayInputStream(template), configure).render(data);
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      t.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The names of the tags in a template (a .docx that cannot be read throws). */
  public Set<String> tags(byte[] template) {
    try (XWPFTemplate t = XWPFTemplate.compile(new ByteArrayInputStream(template), configure)) {
      Set<String> names = new TreeSet<>();
      for (MetaTemplate m : t.getElementTemplates()) {
        if (m instanceof ElementTemplate e) {
          names.add(e.getTagName());
        } else {
          names.add(m.variable().replaceAll("[{}?/#]", ""));
        }
      }
      return names;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The plain text of a .docx (paragraphs and tables), e.g. to read a generated document back. */
  public static String text(byte[] docx) {
    try (XWPFDocument d = new XWPFDocument(new ByteArrayInputStream(docx));
        XWPFWordExtractor extractor = new XWPFWordExtractor(d)) {
      return extractor.getText();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
