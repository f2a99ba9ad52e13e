package org.compliance.portal.web;

import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.AuthenticationRedirectException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import org.compliance.portal.backend.ServiceProblem;
import org.compliance.portal.http.RequestIds;
import org.jboss.logging.Logger;

/**
 * The one place where whatever went wrong unexpectedly is answered: a page's code failing, a template failing
 * while it renders, a request the HTTP layer refused before any page saw it (too large, malformed). The user
 * sees the portal's error page with the request id (scripts get problem+json), never the framework's bare
 * "Internal Server Error"; the log has the whole story under the same id. Sign-in challenges are left to
 * Quarkus (they are redirects to Keycloak, not failures).
 */
@ApplicationScoped
public class Failures {

    private static final Logger LOG = Logger.getLogger(Failures.class);

    private final ErrorPages pages;

    public Failures(ErrorPages pages) {
        this.pages = pages;
    }

    void everyRoute(@Observes Router router) {
        router.route().order(RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT).failureHandler(this::answer);
    }

    void answer(RoutingContext context) {
        Throwable failure = context.failure();
        if (context.response().headWritten() || failure instanceof UnauthorizedException
                || failure instanceof AuthenticationFailedException || failure instanceof AuthenticationRedirectException) {
            context.next();
            return;
        }
        String requestId = RequestIds.of(context);
        int status = status(context, failure);
        String title = title(status);
        String detail = detail(status);
        if (failure instanceof ServiceProblem problem) {
            title = problem.title();
            detail = problem.detail();
        }
        if (status >= 500) {
            LOG.errorf(failure, "Unexpected failure of %s %s (request %s)", context.request().method(),
                    context.request().path(), requestId);
        } else {
            LOG.debugf(failure, "%s %s refused with %d (request %s)", context.request().method(),
                    context.request().path(), status, requestId);
        }
        var accepted = context.parsedHeaders().accept();
        boolean script = ErrorPages.fromScript(context.request().headers().contains("X-Requested-With"),
                accepted.isEmpty() ? null : MediaType.valueOf(accepted.get(0).value()));
        ErrorPages.Shown shown = pages.show(status, title, detail, requestId, script, false);
        context.response().setStatusCode(status).putHeader("Content-Type", shown.type())
                .putHeader("Cache-Control", "no-store").end(shown.body());
    }

    private static int status(RoutingContext context, Throwable failure) {
        if (failure == null) {
            return context.statusCode() >= 400 ? context.statusCode() : 500;
        }
        return switch (failure) {
            case ServiceProblem problem -> problem.status();
            case HttpException http -> http.getStatusCode();
            case WebApplicationException web -> web.getResponse().getStatus();
            case ForbiddenException ignored -> 403;
            case AuthenticationCompletionException ignored -> 401;
            default -> 500;
        };
    }

    static String title(int status) {
        return switch (status) {
            case 400 -> "That was not understood";
            case 401 -> "Sign-in did not complete";
            case 404 -> "Not found";
            case 405 -> "Not allowed";
            case 413 -> "Too large";
            case 414, 431 -> "Too long";
            default -> status >= 500 ? "Something went wrong" : "Refused";
        };
    }

    static String detail(int status) {
        return switch (status) {
            case 401 -> "The sign-in could not be completed. Start again from the start page.";
            case 404 -> "There is no such page.";
            case 413 -> "What was sent is larger than the portal accepts.";
            case 414, 431 -> "The address or its headers are longer than the portal accepts.";
            default -> status >= 500 ? "The portal could not complete this. It has been recorded under the request "
                    + "id below: quote it if you contact the support team." : "The portal refused this request.";
        };
    }
}
