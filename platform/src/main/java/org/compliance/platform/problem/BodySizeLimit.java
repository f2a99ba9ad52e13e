package org.compliance.platform.problem;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Refuses a declared body larger than the limit with problem details before anything reads it.
 * Bodies without a declared length are cut off by {@code quarkus.http.limits.max-body-size}.
 */
@ApplicationScoped
public class BodySizeLimit {

    @ConfigMapping(prefix = "compliance.http")
    public interface Limits {
        /** Largest JSON command body accepted, in bytes. */
        @WithDefault("262144")
        long maxJsonBody();
    }

    private final Limits limits;

    public BodySizeLimit(Limits limits) {
        this.limits = limits;
    }

    void register(@Observes Filters filters) {
        filters.register(ctx -> {
            String declared = ctx.request().getHeader("Content-Length");
            if (declared != null && isJson(ctx.request().getHeader("Content-Type")) && tooLarge(declared)) {
                ctx.response().setStatusCode(413)
                        .putHeader("Content-Type", Problem.MEDIA_TYPE)
                        .end("{\"type\":\"about:blank\",\"title\":\"Content Too Large\",\"status\":413,"
                                + "\"detail\":\"The body is larger than " + limits.maxJsonBody() + " bytes\"}");
                return;
            }
            ctx.next();
        }, 1000);
    }

    private boolean isJson(String contentType) {
        return contentType != null && contentType.toLowerCase().contains("json");
    }

    private boolean tooLarge(String declared) {
        try {
            return Long.parseLong(declared.trim()) > limits.maxJsonBody();
        } catch (NumberFormatException e) {
            return true;
        }
    }
}
