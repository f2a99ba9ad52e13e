package org.compliance.system;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.compliance.testing.LocalKeycloak;
import org.compliance.testing.TestDatabase;

/**
 * The suite as separate processes for one test class: its own database (so its own event store), a real
 * Keycloak as production runs it (one for every suite of the test run, on a database of its own: the realm is the
 * same for all, and a production Keycloak's first start on an empty database is most of a suite's start), an SMTP
 * server in the
 * test JVM, and the four packaged services, once or several times each (each instance on its own port, with a modest
 * heap); optionally the portal in front of the first instances.
 */
public final class Suite implements AutoCloseable {

    public final LocalKeycloak keycloak;
    public final GreenMail smtp;
    public final ServiceProcess cases;
    public final ServiceProcess evidence;
    public final ServiceProcess notifications;
    public final ServiceProcess audit;
    /** Every instance of each service, the first being the one named above. */
    public final List<ServiceProcess> allCases;
    public final List<ServiceProcess> allEvidence;
    public final List<ServiceProcess> allNotifications;
    public final List<ServiceProcess> allAudit;
    /**
     * The portal's port, held from the start (notifications link to the portal, so notification-service must
     * know it) and let go only as the portal starts, so that no other socket takes it meanwhile.
     */
    private final ServerSocket portalPort;
    private ServiceProcess portal;

    private Suite(LocalKeycloak keycloak, GreenMail smtp, ServerSocket portalPort, List<ServiceProcess> cases,
                  List<ServiceProcess> evidence, List<ServiceProcess> notifications, List<ServiceProcess> audit) {
        this.keycloak = keycloak;
        this.smtp = smtp;
        this.portalPort = portalPort;
        this.allCases = cases;
        this.allEvidence = evidence;
        this.allNotifications = notifications;
        this.allAudit = audit;
        this.cases = cases.get(0);
        this.evidence = evidence.get(0);
        this.notifications = notifications.get(0);
        this.audit = audit.get(0);
    }

    /** Every instance of every service. */
    public List<ServiceProcess> services() {
        return Stream.of(allCases, allEvidence, allNotifications, allAudit).flatMap(List::stream).toList();
    }

    /**
     * Starts everything and returns once every service is ready. The services start at the same moment on
     * purpose: their migrations of the shared event store must not collide.
     */
    public static Suite start(String database, Path logs, Map<String, String> evidenceSettings,
                              Map<String, String> notificationSettings) {
        return start(database, logs, evidenceSettings, notificationSettings, Map.of(), 1);
    }

    /** As {@link #start(String, Path, Map, Map)}, with settings every service gets ({@code everyService}). */
    public static Suite start(String database, Path logs, Map<String, String> everyService,
                              Map<String, String> evidenceSettings, Map<String, String> notificationSettings) {
        return start(database, logs, evidenceSettings, notificationSettings, everyService, 1);
    }

    /**
     * As {@link #start(String, Path, Map, Map)}, with {@code instances} processes of every service on one database,
     * and {@code sharedSettings} given to all of them.
     */
    public static Suite start(String database, Path logs, Map<String, String> evidenceSettings,
                              Map<String, String> notificationSettings, Map<String, String> sharedSettings,
                              int instances) {
        TestDatabase.recreate(database);
        LocalKeycloak keycloak = sharedKeycloak();
        int smtpPort = LocalKeycloak.freePort();
        GreenMail smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        Map<String, String> shared = new HashMap<>(Map.of("compliance.db.name", database,
                "quarkus.oidc.auth-server-url", keycloak.issuer()));
        shared.putAll(sharedSettings);
        Map<String, String> evidence = new HashMap<>(shared);
        evidence.putAll(evidenceSettings);
        Map<String, String> notifications = new HashMap<>(shared);
        notifications.put("quarkus.mailer.host", "127.0.0.1");
        notifications.put("quarkus.mailer.port", String.valueOf(smtpPort));
        notifications.put("quarkus.mailer.start-tls", "DISABLED");
        ServerSocket portalPort = holdAPort();
        notifications.put("compliance.portal.url", "http://127.0.0.1:" + portalPort.getLocalPort());
        notifications.putAll(notificationSettings);
        List<ServiceProcess> evidenceInstances = instances("evidence-service", evidence, instances);
        Map<String, String> audit = new HashMap<>(shared);
        // a bundle's formal notices and evidence files are downloaded from evidence-service, as the auditor
        audit.put("compliance.services.evidence", evidenceInstances.get(0).url(""));
        Suite suite = new Suite(keycloak, smtp, portalPort, instances("case-service", shared, instances),
                evidenceInstances, instances("notification-service", notifications, instances),
                instances("audit-service", audit, instances));
        try {
            suite.services().forEach(ServiceProcess::start);
            suite.services().forEach(ServiceProcess::awaitReady);
            return suite;
        } catch (RuntimeException e) {
            // a start that fails must not leave processes behind for the next test class
            suite.close();
            throw e;
        }
    }

    /** The run's Keycloak's database and log. */
    public static final String KEYCLOAK_DATABASE = TestDatabase.named("compliance_test_system_keycloak");
    public static final Path KEYCLOAK_LOG = Path.of("target", "keycloak", "keycloak.log");

    private static LocalKeycloak runKeycloak;

    /** The run's Keycloak: started by the first suite, stopped when the test JVM ends. */
    private static synchronized LocalKeycloak sharedKeycloak() {
        if (runKeycloak == null) {
            LocalKeycloak started = LocalKeycloak.startProduction(KEYCLOAK_LOG,
                    TestDatabase.recreate(KEYCLOAK_DATABASE));
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "keycloak-stop"));
            runKeycloak = started;
        }
        return runKeycloak;
    }

    /**
     * One process of the service per instance, each on a port of its own; with more than one, each logs to
     * {@code <service>-<n>.log} and runs on a modest heap (eight services share a machine).
     */
    private static List<ServiceProcess> instances(String service, Map<String, String> settings, int instances) {
        if (instances == 1) {
            return List.of(new ServiceProcess(service, LocalKeycloak.freePort(), settings));
        }
        List<ServiceProcess> processes = new ArrayList<>();
        for (int n = 1; n <= instances; n++) {
            processes.add(new ServiceProcess(service, service + "-" + n, LocalKeycloak.freePort(), settings,
                    List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1")));
        }
        return List.copyOf(processes);
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
        if (portal != null) {
            portal.close();
        }
        services().reversed().forEach(ServiceProcess::close);
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
