package org.compliance.platform.input;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.security.ForbiddenException;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.compliance.platform.identity.RequestCorrelation;
import org.compliance.platform.problem.Problem;

/**
 * The first check of every request, before any resource reads it: the path and query are valid UTF-8 and
 * hold only text {@link Text} accepts, a body says what it is, JSON comes as UTF-8, and a declared body larger
 * than the limit is refused unread. Bodies sent without a declared length are counted while they are read
 * ({@link BodyLimit}).
 */
@ApplicationScoped
public class InboundRequests {

    @ConfigMapping(prefix = "compliance.http")
    public interface Limits {
        /** Largest JSON body accepted, in bytes. */
        @WithDefault("262144")
        long maxJsonBody();

        /** Longest request target (path and query) accepted, in characters. */
        @WithDefault("8192")
        int maxTarget();

        /** Largest total size of the request's header names and values accepted, in bytes. */
        @WithDefault("16384")
        int maxHeaders();

        /** Longest single path segment or query value accepted, in characters, once decoded. */
        @WithDefault("2048")
        int maxParameter();
    }

    private final Limits limits;
    private final long maxBody;
    private final List<String> guardedPaths;

    public InboundRequests(Limits limits,
                           @ConfigProperty(name = "quarkus.http.limits.max-body-size") Optional<MemorySize> maxBody,
                           @ConfigProperty(name = "quarkus.http.auth.permission.api-description.paths")
                           Optional<List<String>> guardedPaths) {
        this.limits = limits;
        this.maxBody = maxBody.map(MemorySize::asLongValue).orElse(Long.MAX_VALUE);
        this.guardedPaths = guardedPaths.orElse(List.of());
    }

    /** Largest JSON body accepted, in bytes. */
    public long maxJsonBody() {
        return limits.maxJsonBody();
    }

    void register(@Observes Filters filters) {
        filters.register(this::check, 1000);
        // Between authentication (200), which installs Quarkus' own failure handler, and authorisation (100).
        filters.register(ctx -> {
            ctx.put(QuarkusHttpUser.AUTH_FAILURE_HANDLER, AUTH_FAILURE);
            ctx.next();
        }, 190);
    }

    private void check(RoutingContext ctx) {
        var request = ctx.request();
        String uri = request.uri();
        if (uri.length() > limits.maxTarget()) {
            refuse(ctx, 414, "URI Too Long", "The request target is longer than " + limits.maxTarget()
                    + " characters");
            return;
        }
        if (headerSize(request.headers()) > limits.maxHeaders()) {
            refuse(ctx, 431, "Request Header Fields Too Large", "The request's headers are larger than "
                    + limits.maxHeaders() + " bytes");
            return;
        }
        Optional<String> urlProblem = urlProblem(request.path(), request.query());
        if (urlProblem.isPresent()) {
            refuse(ctx, 400, "Bad Request", urlProblem.get());
            return;
        }
        if (request.getHeader("Authorization") == null && isGuardedByConfiguration(request.path())) {
            // Quarkus answers these with a bare challenge; the same answer, with problem details.
            ctx.response().putHeader("WWW-Authenticate", "Bearer");
            refuse(ctx, 401, "Unauthorized", "A valid bearer token is required");
            return;
        }
        if (hasBody(ctx)) {
            String contentType = request.getHeader("Content-Type");
            if (contentType == null || contentType.isBlank()) {
                refuse(ctx, 415, "Unsupported Media Type", "A body needs a Content-Type, e.g. application/json");
                return;
            }
            if (!isConcrete(contentType)) {
                // A range such as */* would let the body be read as JSON without the JSON limits below.
                refuse(ctx, 415, "Unsupported Media Type", "Content-Type names a range of media types, not the "
                        + "body's own, e.g. application/json");
                return;
            }
            String declared = request.getHeader("Content-Length");
            if (declared != null && tooLarge(declared, maxBody)) {
                refuse(ctx, 413, "Content Too Large", "The body is larger than " + maxBody + " bytes");
                return;
            }
            if (isJson(contentType)) {
                Optional<String> charset = charset(contentType);
                if (charset.isPresent() && !charset.get().equals("utf-8")) {
                    refuse(ctx, 415, "Unsupported Media Type", "JSON is read as UTF-8 only");
                    return;
                }
                if (declared != null && tooLarge(declared, limits.maxJsonBody())) {
                    refuse(ctx, 413, "Content Too Large", "The body is larger than " + limits.maxJsonBody()
                            + " bytes");
                    return;
                }
            }
        }
        ctx.next();
    }

    /** Paths that configuration, not a resource, keeps for authenticated callers (the API description). */
    private boolean isGuardedByConfiguration(String path) {
        for (String guarded : guardedPaths) {
            if (guarded.endsWith("/*") ? path.startsWith(guarded.substring(0, guarded.length() - 1))
                    || path.equals(guarded.substring(0, guarded.length() - 2)) : path.equals(guarded)) {
                return true;
            }
        }
        return false;
    }

    /** Why the path or query cannot be read, or empty when they can. */
    Optional<String> urlProblem(String path, String query) {
        if (path != null) {
            for (String segment : path.split("/", -1)) {
                String decoded = decode(segment, false);
                if (".".equals(decoded) || "..".equals(decoded)) {
                    // The router would resolve it onto another resource than the one the client named.
                    return Optional.of("A path segment may not be . or ..");
                }
                Optional<String> problem = partProblem(segment, false, "A path segment");
                if (problem.isPresent()) {
                    return problem;
                }
            }
        }
        if (query != null && !query.isEmpty()) {
            for (String pair : query.split("&", -1)) {
                int equals = pair.indexOf('=');
                String name = equals < 0 ? pair : pair.substring(0, equals);
                Optional<String> problem = partProblem(name, true, "A query parameter name");
                if (problem.isEmpty() && equals >= 0) {
                    problem = partProblem(pair.substring(equals + 1), true, "Query parameter '"
                            + decodedOrRaw(name) + "'");
                }
                if (problem.isPresent()) {
                    return problem;
                }
            }
        }
        return Optional.empty();
    }

    private Optional<String> partProblem(String raw, boolean plusIsSpace, String what) {
        String decoded = decode(raw, plusIsSpace);
        if (decoded == null) {
            return Optional.of(what + " is not valid percent-encoded UTF-8");
        }
        if (decoded.length() > limits.maxParameter()) {
            return Optional.of(what + " is longer than " + limits.maxParameter() + " characters");
        }
        return Text.refusal(decoded, false).map(reason -> what + " " + reason);
    }

    private static String decodedOrRaw(String name) {
        String decoded = decode(name, true);
        String shown = decoded == null ? name : decoded;
        return shown.length() > 64 ? shown.substring(0, 64) + "…" : shown;
    }

    /** Strict percent-decoding: malformed escapes or bytes that are not UTF-8 give null. */
    static String decode(String raw, boolean plusIsSpace) {
        if (raw.indexOf('%') < 0) {
            return plusIsSpace ? raw.replace('+', ' ') : raw;
        }
        ByteBuffer bytes = ByteBuffer.allocate(raw.length() * 3);
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length()) {
                    return null;
                }
                int high = Character.digit(raw.charAt(i + 1), 16);
                int low = Character.digit(raw.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    return null;
                }
                bytes.put((byte) (high * 16 + low));
                i += 2;
            } else if (c == '+' && plusIsSpace) {
                bytes.put((byte) ' ');
            } else {
                bytes.put(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        bytes.flip();
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(bytes).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static long headerSize(io.vertx.core.MultiMap headers) {
        long size = 0;
        for (var header : headers) {
            size += header.getKey().length() + header.getValue().length() + 4;
        }
        return size;
    }

    private static boolean hasBody(RoutingContext ctx) {
        HttpMethod method = ctx.request().method();
        if (method == HttpMethod.GET || method == HttpMethod.HEAD || method == HttpMethod.OPTIONS) {
            return false;
        }
        String length = ctx.request().getHeader("Content-Length");
        if (length != null) {
            return !length.trim().equals("0");
        }
        return ctx.request().getHeader("Transfer-Encoding") != null;
    }

    /** A media type of the form type/subtype, neither of them a wildcard. */
    static boolean isConcrete(String contentType) {
        String type = contentType.split(";", 2)[0].strip();
        int slash = type.indexOf('/');
        return slash > 0 && slash < type.length() - 1 && type.indexOf('*') < 0;
    }

    static boolean isJson(String contentType) {
        String type = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return type.equals("application/json") || type.endsWith("+json");
    }

    private static Optional<String> charset(String contentType) {
        for (String parameter : contentType.split(";")) {
            String[] pair = parameter.strip().split("=", 2);
            if (pair.length == 2 && pair[0].strip().equalsIgnoreCase("charset")) {
                return Optional.of(pair[1].strip().replace("\"", "").toLowerCase(Locale.ROOT));
            }
        }
        return Optional.empty();
    }

    private static boolean tooLarge(String declared, long limit) {
        try {
            return Long.parseLong(declared.trim()) > limit;
        } catch (NumberFormatException e) {
            return true;
        }
    }

    /**
     * Answers authentication and authorisation failures of the HTTP layer (paths guarded by configuration, such
     * as the API description) with problem details, as the resources' own failures are.
     */
    private static final BiConsumer<RoutingContext, Throwable> AUTH_FAILURE = (ctx, failure) -> {
        if (ctx.response().ended()) {
            return;
        }
        if (failure instanceof ForbiddenException) {
            refuse(ctx, 403, "Forbidden", "Your role does not allow this");
        } else {
            ctx.response().putHeader("WWW-Authenticate", "Bearer");
            refuse(ctx, 401, "Unauthorized", "A valid bearer token is required");
        }
    };

    static void refuse(RoutingContext ctx, int status, String title, String detail) {
        String requestId = RequestCorrelation.offeredOrNew(ctx.request().getHeader(RequestCorrelation.HEADER));
        ctx.response().setStatusCode(status)
                .putHeader("Content-Type", Problem.MEDIA_TYPE)
                .putHeader(RequestCorrelation.HEADER, requestId)
                .end(Problem.json(status, title, detail, requestId));
    }
}
