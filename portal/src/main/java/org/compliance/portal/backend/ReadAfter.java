package org.compliance.portal.backend;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Reading one's own writes (decision 12): a service answers every change with the store position it reached
 * ({@code Consistency-Position}); the portal sends it back as {@code Read-After} on the reads that follow, in this
 * browser request and in the next one (the page the change redirects to, through a short-lived cookie), so that the
 * page shown next already shows the change. The services wait (bounded) until their views have reached it.
 */
@ApplicationScoped
public class ReadAfter {

    static final String ANSWERED = "Consistency-Position";
    static final String HEADER = "Read-After";
    private static final String COOKIE = "compliance-read-after";
    private static final String KEY = "compliance.read-after";
    private static final Pattern POSITION = Pattern.compile("0|[1-9][0-9]{0,17}");
    /** Long enough for the redirect after a change, short enough not to follow the user around. */
    private static final long COOKIE_SECONDS = 60;

    private final RoutingContext browserRequest;
    private final boolean behindTlsProxy;

    public ReadAfter(RoutingContext browserRequest,
                     @ConfigProperty(name = "quarkus.oidc.authentication.cookie-force-secure", defaultValue = "false")
                     boolean behindTlsProxy) {
        this.browserRequest = browserRequest;
        this.behindTlsProxy = behindTlsProxy;
    }

    /** A change's answer: its record, and its position remembered for the reads that follow. */
    public <T> T changed(RestResponse<T> answer) {
        String position = answer.getHeaderString(ANSWERED);
        if (position != null && POSITION.matcher(position).matches()) {
            browserRequest.put(KEY, position);
            browserRequest.response().addCookie(Cookie.cookie(COOKIE, position).setPath("/").setHttpOnly(true)
                    .setSameSite(CookieSameSite.LAX).setMaxAge(COOKIE_SECONDS)
                    .setSecure(behindTlsProxy || browserRequest.request().isSSL()));
        }
        return answer.getEntity();
    }

    /** The position the reads of this browser request wait for: a change's made in it, or the last one's before. */
    Optional<String> position() {
        String made = browserRequest.get(KEY);
        if (made != null) {
            return Optional.of(made);
        }
        Cookie before = browserRequest.request().getCookie(COOKIE);
        return before != null && POSITION.matcher(before.getValue()).matches()
                ? Optional.of(before.getValue()) : Optional.empty();
    }
}
