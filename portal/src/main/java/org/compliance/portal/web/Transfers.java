package org.compliance.portal.web;

import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.compliance.portal.backend.Service;
import org.compliance.portal.backend.Streams;
import org.jboss.logging.Logger;

/**
 * Bytes that pass through the portal without being held: uploads stream to evidence-service as they arrive,
 * downloads and live notifications stream back to the browser. Memory use does not grow with file size.
 */
@ApplicationScoped
public class Transfers {

    private static final Logger LOG = Logger.getLogger(Transfers.class);
    /** What a download keeps of the service's answer: type, size, name, range and digest. */
    private static final List<String> DOWNLOAD_HEADERS = List.of("Content-Type", "Content-Length",
            "Content-Disposition", "Content-Range", "Accept-Ranges", "Repr-Digest");

    /** What a resumable upload's exchanges carry of the browser's request, and of the service's answer. */
    private static final List<String> TUS_REQUEST_HEADERS = List.of("Tus-Resumable", "Upload-Length",
            "Upload-Metadata", "Upload-Offset", "Upload-Defer-Length", "Content-Type");
    private static final List<String> TUS_ANSWER_HEADERS = List.of("Tus-Resumable", "Tus-Version", "Tus-Extension",
            "Tus-Max-Size", "Upload-Offset", "Upload-Length", "Upload-Expires", "Evidence-Sha256", "Evidence-Media-Type",
            "Repr-Digest", "Cache-Control");
    private static final Pattern RESUMABLE_LOCATION =
            Pattern.compile("/requests/[A-Za-z0-9._~-]{1,64}/resumable-uploads/[0-9a-f-]{36}");

    private final Streams streams;

    public Transfers(Streams streams) {
        this.streams = streams;
    }

    /** Streams the body to evidence-service and answers what it answered (the upload, or its problem). */
    Response upload(String path, Long length, InputStream body) {
        HttpRequest.BodyPublisher bytes = HttpRequest.BodyPublishers.ofInputStream(() -> body);
        HttpResponse<InputStream> answer = streams.exchange(Service.EVIDENCE, "POST", path,
                length == null ? bytes : HttpRequest.BodyPublishers.fromPublisher(bytes, length),
                Map.of("Content-Type", MediaType.APPLICATION_OCTET_STREAM));
        try (InputStream in = answer.body()) {
            byte[] json = in.readAllBytes();
            return Response.status(answer.statusCode())
                    .type(answer.statusCode() < 300 ? MediaType.APPLICATION_JSON : ErrorPages.PROBLEM_JSON)
                    .entity(json).build();
        } catch (IOException e) {
            LOG.warnf("Upload to %s broke off: %s", path, e.toString());
            return Response.status(502).type(ErrorPages.PROBLEM_JSON).entity(Map.of("status", 502, "title",
                    "The upload broke off", "detail", "Nothing was kept. Try again.")).build();
        }
    }

    /**
     * One exchange of the tus protocol with evidence-service (resumable uploads): the protocol's headers go both ways,
     * a PATCH's body is streamed as it arrives, the answer (empty, or a problem) is passed back. The portal's paths are
     * the service's, so the upload's Location needs no rewriting; one that is not such a path is not passed on.
     */
    Response resumable(String method, String path, HttpHeaders browser, Long length, InputStream body) {
        Map<String, String> headers = new HashMap<>();
        TUS_REQUEST_HEADERS.forEach(name -> {
            String value = browser.getHeaderString(name);
            if (value != null) {
                headers.put(name, value);
            }
        });
        HttpRequest.BodyPublisher bytes = body == null ? HttpRequest.BodyPublishers.noBody()
                : length == null ? HttpRequest.BodyPublishers.ofInputStream(() -> body)
                : HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(() -> body), length);
        HttpResponse<InputStream> answer = streams.exchange(Service.EVIDENCE, method, path, bytes, headers);
        byte[] content;
        try (InputStream in = answer.body()) {
            content = in.readAllBytes();
        } catch (IOException e) {
            LOG.warnf("Resumable upload exchange %s %s broke off: %s", method, path, e.toString());
            return Response.status(502).type(ErrorPages.PROBLEM_JSON).entity(Map.of("status", 502, "title",
                    "The upload broke off", "detail", "Ask for the offset held and go on from there.")).build();
        }
        Response.ResponseBuilder response = Response.status(answer.statusCode());
        if (content.length > 0) {
            response.entity(content).type(answer.headers().firstValue("Content-Type").orElse(ErrorPages.PROBLEM_JSON));
        }
        TUS_ANSWER_HEADERS.forEach(name -> answer.headers().firstValue(name).ifPresent(value -> response.header(name,
                value)));
        answer.headers().firstValue("Location").filter(location -> RESUMABLE_LOCATION.matcher(location).matches())
                .ifPresent(location -> response.header("Location", location));
        return response.build();
    }

    Response download(Service service, String path, String range) {
        Map<String, String> headers = new HashMap<>(Map.of("Accept", MediaType.WILDCARD));
        if (range != null) {
            headers.put("Range", range);
        }
        HttpResponse<InputStream> answer = streams.exchange(service, "GET", path, HttpRequest.BodyPublishers.noBody(),
                headers);
        Streams.requireSuccess(answer);
        Response.ResponseBuilder response = Response.status(answer.statusCode()).entity(copy(answer.body()));
        DOWNLOAD_HEADERS.forEach(name -> answer.headers().firstValue(name).ifPresent(value -> response.header(name, value)));
        return response.build();
    }

    /**
     * A file's bytes for showing in the browser, not for saving: served with the type given (chosen by
     * {@link FilePreviews#safeType}, not the service's), inline, and in a sandbox: {@code Content-Security-Policy:
     * sandbox} makes a document opened from these bytes a unique origin without scripts, so an uploaded page can
     * never act in the portal's origin, and nosniff keeps the browser to the type given.
     */
    Response inline(Service service, String path, String type) {
        HttpResponse<InputStream> answer = streams.exchange(service, "GET", path, HttpRequest.BodyPublishers.noBody(),
                Map.of("Accept", MediaType.WILDCARD));
        Streams.requireSuccess(answer);
        Response.ResponseBuilder response = Response.ok(copy(answer.body())).type(type)
                .header("Content-Security-Policy", "sandbox; default-src 'none'; img-src 'self'")
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Disposition", "application/octet-stream".equals(type) ? "attachment" : "inline")
                .header("Cache-Control", "private, no-store");
        answer.headers().firstValue("Content-Length").ifPresent(value -> response.header("Content-Length", value));
        return response.build();
    }

    /** A file's first {@code bytes} bytes at most (one ranged read), held: for a bounded preview only. */
    byte[] head(Service service, String path, int bytes) {
        HttpResponse<InputStream> answer = streams.exchange(service, "GET", path, HttpRequest.BodyPublishers.noBody(),
                Map.of("Accept", MediaType.WILDCARD, "Range", "bytes=0-" + (bytes - 1)));
        Streams.requireSuccess(answer);
        try (InputStream in = answer.body()) {
            return in.readNBytes(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A server-sent event stream, passed on event by event. When the browser goes, the stream from the service
     * is closed at once (the thread waiting for its next event is interrupted), not at its next event.
     */
    Response events(Service service, String path, HttpServerRequest browser) {
        HttpResponse<InputStream> answer = streams.exchange(service, "GET", path, HttpRequest.BodyPublishers.noBody(),
                Map.of("Accept", "text/event-stream"));
        Streams.requireSuccess(answer);
        InputStream events = answer.body();
        AtomicReference<Thread> reader = new AtomicReference<>();
        AtomicBoolean gone = new AtomicBoolean();
        // The connection carries only this stream (HTTP/1.1 event streams are not shared): its end is the browser's.
        browser.connection().closeHandler(ignored -> {
            gone.set(true);
            Thread waiting = reader.get();
            if (waiting != null) {
                waiting.interrupt();
            }
        });
        StreamingOutput stream = out -> {
            reader.set(Thread.currentThread());
            try (InputStream in = events) {
                if (gone.get()) {
                    return;
                }
                // A comment line at once: the browser sees the stream open before the first notification.
                out.write(": live\n\n".getBytes(StandardCharsets.UTF_8));
                out.flush();
                byte[] buffer = new byte[8192];
                for (int n = in.read(buffer); n >= 0 && !gone.get(); n = in.read(buffer)) {
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                if (!gone.get()) {
                    throw e;
                }
                LOG.debugf("Live stream from %s ended: the browser left", service.name());
            } finally {
                reader.set(null);
                Thread.interrupted();
            }
        };
        return Response.ok(stream).type("text/event-stream").header("Cache-Control", "no-store").build();
    }

    private static StreamingOutput copy(InputStream body) {
        return out -> {
            try (InputStream in = body) {
                in.transferTo(out);
            }
        };
    }
}
