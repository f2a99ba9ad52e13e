package org.compliance.portal.backend;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.ws.rs.ProcessingException;
import java.net.ConnectException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.logging.Logger;

/**
 * A service that did not answer (refused the connection, timed out, broke off) is shown to the user by name,
 * with the assurance that this attempt changed nothing it knows of: a 503 when it is down, a 502 otherwise.
 */
@ServiceCall
@Interceptor
@Priority(Interceptor.Priority.LIBRARY_AFTER)
public class Unanswered {

    private static final Logger LOG = Logger.getLogger(Unanswered.class);

    @AroundInvoke
    Object call(InvocationContext call) throws Exception {
        try {
            return call.proceed();
        } catch (ProcessingException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof ServiceProblem problem) {
                    throw problem;
                }
            }
            throw unreachable(service(call), e);
        }
    }

    static ServiceProblem unreachable(Service service, Exception e) {
        LOG.warnf("%s did not answer: %s", service.displayName, e.toString());
        boolean down = false;
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            down |= cause instanceof ConnectException || cause instanceof TimeoutException
                    || cause instanceof java.net.http.HttpTimeoutException;
        }
        return new ServiceProblem(down ? 503 : 502, service.displayName + " is not answering",
                "The " + service.displayName + " did not answer. Nothing was changed by this attempt unless it says "
                        + "so later; try again in a moment.");
    }

    /** The service of the client called: its interface's config key (the bean itself is a generated wrapper). */
    private static Service service(InvocationContext call) {
        Class<?> client = call.getMethod().getDeclaringClass();
        List<Class<?>> candidates = new ArrayList<>(List.of(client));
        candidates.addAll(List.of(client.getInterfaces()));
        for (Class<?> candidate : candidates) {
            RegisterRestClient registered = candidate.getAnnotation(RegisterRestClient.class);
            for (Service service : Service.values()) {
                if (registered != null && service.key.equals(registered.configKey())) {
                    return service;
                }
            }
        }
        throw new IllegalStateException("No service for the client " + client.getName());
    }
}
