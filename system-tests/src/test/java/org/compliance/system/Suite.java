package org.compliance.system;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.compliance.testing.LocalKeycloak;
import org.compliance.testing.TestDatabase;

/**
 * The suite as separate processes for one test class: its own database (so its own event store), a real
 * Keycloak as production runs it (on a database of its own, {@code <database>_keycloak}), an SMTP server in the
 * test JVM, and the four packaged services; optionally the portal in front.
 */
public final class Suite implements AutoCloseable {

    public final LocalKeycloak keycloak;
    public final GreenMail smtp;
    public final ServiceProcess cases;
    public final ServiceProcess evidence;
    public final ServiceProcess notifications;
    public final ServiceProcess audit;
    /**
     * The portal's port, held from the start (notifications link to the portal, so notification-service must
     * know it) and let go only as the portal starts, so that no other socket takes it meanwhile.
     */
    private final ServerSocket portalPort;
    private ServiceProcess portal;

    private Suite(LocalKeycloak keycloak, GreenMail smtp, ServerSocket portalPort, ServiceProcess cases,
                  ServiceProcess evidence, ServiceProcess notifications, ServiceProcess audit) {
        this.keycloak = keycloak;
        this.smtp = smtp;
        this.portalPort = portalPort;
        this.cases = cases;
        this.evidence = evidence;
        this.notifications = notifications;
        this.audit = audit;
    }

    /**
     * Starts everything and returns once every service is ready. The services start at the same moment on
     * purpose: their migrations of the shared event store must not collide.
     */
    public static Suite start(String database, Path logs, Map<String, String> evidenceSettings,
                              Map<String, String> notificationSettings) {
        return start(database, logs, Map.of(), evidenceSettings, notificationSettings);
    }

    /** As {@link #start(String, Path, Map, Map)}, with settings every service gets ({@code everyService}). */
    public static Suite start(String database, Path logs, Map<String, String> everyService,
                              Map<String, String> evidenceSettings, Map<String, String> notificationSettings) {
        TestDatabase.recreate(database);
        LocalKeycloak keycloak = LocalKeycloak.startProduction(logs.resolve("keycloak.log"),
                TestDatabase.recreate(database + "_keycloak"));
        int smtpPort = LocalKeycloak.freePort();
        GreenMail smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        Map<String, String> shared = new HashMap<>(everyService);
        shared.put("compliance.db.name", database);
        shared.put("quarkus.oidc.auth-server-url", keycloak.issuer());
        Map<String, String> evidence = new HashMap<>(shared);
        evidence.putAll(evidenceSettings);
        Map<String, String> notifications = new HashMap<>(shared);
        notifications.put("quarkus.mailer.host", "127.0.0.1");
        notifications.put("quarkus.mailer.port", String.valueOf(smtpPort));
        notifications.put("quarkus.mailer.start-tls", "DISABLED");
        ServerSocket portalPort = holdAPort();
        notifications.put("compliance.portal.url", "http://127.0.0.1:" + portalPort.getLocalPort());
        notifications.putAll(notificationSettings);
        Suite suite = new Suite(keycloak, smtp, portalPort,
                new ServiceProcess("case-service", LocalKeycloak.freePort(), shared),
                new ServiceProcess("evidence-service", LocalKeycloak.freePort(), evidence),
                new ServiceProcess("notification-service", LocalKeycloak.freePort(), notifications),
                new ServiceProcess("audit-service", LocalKeycloak.freePort(), shared));
        try {
            Stream.of(suite.cases, suite.evidence, suite.notifications, suite.audit).forEach(ServiceProcess::start);
            Stream.of(suite.cases, suite.evidence, suite.notifications, suite.audit).forEach(ServiceProcess::awaitReady);
            return suite;
        } catch (RuntimeException e) {
            // a start that fails must not leave processes behind for the next test class
            suite.close();
            throw e;
        }
    }

    /** Starts the portal in front of these services and returns it once ready. */
    public ServiceProcess startPortal() {
        int port = portalPort.getLocalPort();
        release(portalPort);
        portal = new ServiceProcess("portal", port, Map.of(
                "quarkus.oidc.auth-server-url", keycloak.issuer(),
                "portal.services.cases", cases.url(""),
                "portal.services.evidence", evidence.url(""),
                "portal.services.notifications", notifications.url(""),
                "portal.services.audit", audit.url(""))).start().awaitReady();
        return portal;
    }

    @Override
    public void close() {
        Stream.of(portal, audit, notifications, evidence, cases).filter(p -> p != null).forEach(ServiceProcess::close);
        keycloak.close();
        smtp.stop();
        release(portalPort);
    }

    private static ServerSocket holdAPort() {
        try {
            return new ServerSocket(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void release(ServerSocket port) {
        try {
            port.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
