package org.compliance.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The Content-Security-Policy allows scripts and styles only from the portal's own files: a template with an
 * inline script, an event handler attribute, a javascript: link or a style attribute would break in the browser.
 */
class TemplatesTest {

    private static final Path TEMPLATES = Path.of("src", "main", "resources", "templates");
    private static final Pattern INLINE_SCRIPT = Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern HANDLER = Pattern.compile("<[^>]*\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE);
    private static final Pattern STYLE = Pattern.compile("<style\\b|<[^>]*\\sstyle\\s*=", Pattern.CASE_INSENSITIVE);

    @Test
    void no_template_has_inline_script_or_style() throws IOException {
        List<Path> templates;
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            templates = files.filter(f -> f.toString().endsWith(".html")).toList();
        }
        assertThat(templates).isNotEmpty();
        for (Path template : templates) {
            String html = Files.readString(template);
            assertThat(INLINE_SCRIPT.matcher(html).find()).as("inline <script> in " + template).isFalse();
            assertThat(HANDLER.matcher(html).find()).as("event handler attribute in " + template).isFalse();
            assertThat(html).as("javascript: link in " + template).doesNotContainIgnoringCase("javascript:");
            assertThat(STYLE.matcher(html).find()).as("inline style in " + template).isFalse();
        }
    }
}
