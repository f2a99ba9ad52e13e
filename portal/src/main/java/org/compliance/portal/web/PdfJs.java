package org.compliance.portal.web;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * pdf.js (npm's {@code pdfjs-dist}, from its WebJar) served by the portal itself under {@code /pdfjs/}, so that the
 * Content-Security-Policy's {@code script-src 'self'} covers it and its worker (no CDN): the library and its worker
 * as JavaScript modules, and the character maps and standard fonts it fetches for some PDFs. Paths hold no version:
 * it is read from the WebJar, so raising {@code pdfjs.version} in the root pom is the whole upgrade.
 */
@Path("/pdfjs")
public class PdfJs {

    /** The module the preview page imports and the worker it starts. */
    static final String LIBRARY = "/pdfjs/pdf.min.mjs";
    static final String WORKER = "/pdfjs/pdf.worker.min.mjs";

    private static final Set<String> MODULES = Set.of("pdf.min.mjs", "pdf.worker.min.mjs");
    private static final Pattern DATA_FILE = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9_.-]{0,80}");
    private static final String ROOT = "META-INF/resources/webjars/pdfjs-dist/" + version() + "/";

    @GET
    @Path("{module}")
    public Response module(@PathParam("module") String module) {
        if (!MODULES.contains(module)) {
            throw new NotFoundException("pdf.js has no module " + module);
        }
        return file("build/" + module, "text/javascript; charset=utf-8");
    }

    @GET
    @Path("cmaps/{name}")
    public Response characterMap(@PathParam("name") String name) {
        return data("cmaps/", name);
    }

    @GET
    @Path("standard_fonts/{name}")
    public Response standardFont(@PathParam("name") String name) {
        return data("standard_fonts/", name);
    }

    private Response data(String folder, String name) {
        if (!DATA_FILE.matcher(name).matches()) {
            throw new NotFoundException("pdf.js has no file " + name);
        }
        return file(folder + name, "application/octet-stream");
    }

    private static Response file(String path, String type) {
        InputStream in = PdfJs.class.getClassLoader().getResourceAsStream(ROOT + path);
        if (in == null) {
            throw new NotFoundException("pdf.js has no file " + path);
        }
        try (in) {
            // the same version's bytes never change: a browser may keep them for a day
            return Response.ok(in.readAllBytes()).type(type).header("Cache-Control", "private, max-age=86400")
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String version() {
        try (InputStream in = PdfJs.class.getClassLoader()
                .getResourceAsStream("META-INF/maven/org.webjars.npm/pdfjs-dist/pom.properties")) {
            if (in == null) {
                throw new IllegalStateException("pdf.js's WebJar (org.webjars.npm:pdfjs-dist) is not on the class path");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
