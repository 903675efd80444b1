package parbench.report.html;

import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.loader.ClasspathLoader;
import io.pebbletemplates.pebble.template.PebbleTemplate;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The templates, stylesheets and scripts of the pages this module writes (the report and the comparison), from
 * {@value #BASE} on the class path. One place decides how a page is rendered: Pebble with autoescaping on for every
 * input string and strict variables, so a template typo fails loudly instead of printing nothing.
 */
public final class PageResources {

    static final String BASE = "parbench/report/html/";

    private PageResources() {
    }

    /** The compiled template {@code name}, e.g. {@code report.peb}. */
    public static PebbleTemplate template(String name) {
        ClasspathLoader loader = new ClasspathLoader();
        loader.setPrefix(BASE);
        PebbleEngine engine = new PebbleEngine.Builder()
                .loader(loader)
                .autoEscaping(true)
                .strictVariables(true)
                .newLineTrimming(false)
                .build();
        return engine.getTemplate(name);
    }

    /** The text of resource {@code name}, e.g. {@code report.css}; a missing one is a packaging bug. */
    public static String text(String name) {
        try (InputStream in = PageResources.class.getClassLoader().getResourceAsStream(BASE + name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + BASE + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + BASE + name, e);
        }
    }
}
