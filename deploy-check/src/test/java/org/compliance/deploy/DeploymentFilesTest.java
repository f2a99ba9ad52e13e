package org.compliance.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.compliance.deploy.Manifests.list;
import static org.compliance.deploy.Manifests.name;

/**
 * deploy/kubernetes holds to what an operations team relies on: every process scaled out with probes, resources, a
 * disruption budget and a Service; secrets only referenced; only the portal and the ingress reach the services;
 * PostgreSQL under CloudNativePG with continuous backup; and every variable set is one the process reads, every one it
 * requires is set. Checked on the base as this test renders it and, where kubectl is installed, on the base and the
 * production overlay as Kustomize renders them.
 */
class DeploymentFilesTest {

    static final Path ROOT = Path.of(System.getProperty("compliance.root", "..")).toAbsolutePath().normalize();
    static final Path KUBERNETES = ROOT.resolve("deploy/kubernetes");
    static final List<String> SERVICES = List.of("case-service", "evidence-service", "notification-service", "audit-service");
    static final List<String> PROCESSES = Stream.concat(SERVICES.stream(), Stream.of("portal")).toList();
    /** Names under which a value must never be written into a manifest. */
    static final Pattern SECRET_NAME = Pattern.compile("(?i).*(PASSWORD|SECRET|PRIVATE_KEY|TOKEN|CREDENTIAL).*");
    static final Map<String, String> INGRESS_CONTROLLER = Map.of("kubernetes.io/metadata.name", "ingress-nginx");
    static final Map<String, String> MONITORING = Map.of("kubernetes.io/metadata.name", "monitoring");

    static Stream<Manifests> renderings() {
        List<Manifests> renderings = new ArrayList<>();
        renderings.add(Kustomization.render(KUBERNETES.resolve("base")));
        Kustomization.renderWithKubectl(KUBERNETES.resolve("base")).ifPresent(renderings::add);
        Kustomization.renderWithKubectl(KUBERNETES.resolve("overlays/production")).ifPresent(renderings::add);
        return renderings.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void everyProcessRunsAtLeastTwiceWithADisruptionBudgetAndAService(Manifests manifests) {
        assertThat(manifests.ofKind("Deployment")).extracting(Manifests::name)
                .containsAll(PROCESSES).contains("keycloak");
        for (JsonNode deployment : manifests.ofKind("Deployment")) {
            String name = name(deployment);
            assertThat(deployment.path("spec").path("replicas").asInt()).as("replicas of %s", name).isGreaterThanOrEqualTo(2);
            Map<String, String> pods = Selectors.podLabels(deployment);
            assertThat(Selectors.selects(deployment.path("spec").path("selector"), pods)).as("%s selects its pods", name).isTrue();
            assertThat(manifests.ofKind("PodDisruptionBudget"))
                    .as("a PodDisruptionBudget keeping one pod of %s", name)
                    .anySatisfy(pdb -> {
                        assertThat(Selectors.selects(pdb.path("spec").path("selector"), pods)).isTrue();
                        assertThat(pdb.path("spec").path("minAvailable").asInt()).isGreaterThanOrEqualTo(1);
                    });
            assertThat(manifests.ofKind("Service")).as("a Service for %s", name)
                    .anySatisfy(service -> assertThat(Selectors.selects(service.path("spec").path("selector"), pods)).isTrue());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void probesAskQuarkusHealthOnTheProcessOwnPort(Manifests manifests) {
        for (String process : PROCESSES) {
            JsonNode container = container(manifests, process);
            int port = ServiceConfiguration.of(ROOT, process).httpPort();
            assertThat(probe(container, "livenessProbe")).as("liveness of %s", process).isEqualTo("/q/health/live on " + port);
            assertThat(probe(container, "readinessProbe")).as("readiness of %s", process).isEqualTo("/q/health/ready on " + port);
            assertThat(manifests.one("Service", process).path("spec").path("ports").get(0).path("port").asInt())
                    .as("the Service of %s answers on the port the portal and the realm expect", process).isEqualTo(port);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void everyContainerHasResourcesAndRunsUnprivileged(Manifests manifests) {
        for (JsonNode deployment : manifests.ofKind("Deployment")) {
            JsonNode pod = deployment.path("spec").path("template").path("spec");
            assertThat(pod.path("securityContext").path("runAsNonRoot").asBoolean()).as("%s runs as non-root", name(deployment)).isTrue();
            for (JsonNode container : pod.path("containers")) {
                String name = container.path("name").asText();
                JsonNode resources = container.path("resources");
                assertThat(resources.path("requests").has("cpu") && resources.path("requests").has("memory")
                        && resources.path("limits").has("memory")).as("cpu and memory requests, memory limit of %s", name).isTrue();
                JsonNode security = container.path("securityContext");
                assertThat(security.path("allowPrivilegeEscalation").isBoolean() && !security.path("allowPrivilegeEscalation").asBoolean())
                        .as("%s cannot escalate privileges", name).isTrue();
                assertThat(list(security.path("capabilities").path("drop"))).extracting(JsonNode::asText)
                        .as("%s drops every capability", name).containsExactly("ALL");
                if (PROCESSES.contains(name)) {
                    assertThat(security.path("readOnlyRootFilesystem").asBoolean()).as("%s has a read-only root", name).isTrue();
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void secretsAreReferencedNeverWrittenIn(Manifests manifests) throws Exception {
        assertThat(manifests.ofKind("Secret")).as("no Secret ships with values: secrets.example names them").isEmpty();
        String secretsExample = Files.readString(KUBERNETES.resolve("secrets.example"));
        Set<String> demoValues = demoValues();
        for (JsonNode document : manifests.documents()) {
            String text = document.toString();
            assertThat(demoValues).as("%s holds no demo value of the repository", name(document))
                    .noneMatch(text::contains);
            document.findValues("env").forEach(variables -> variables.forEach(variable -> {
                if (variable.has("value")) {
                    assertThat(variable.path("name").asText()).as("variable written into %s", name(document)).doesNotMatch(SECRET_NAME);
                }
            }));
            document.findValues("secretKeyRef").forEach(ref -> assertThat(secretsExample)
                    .as("secrets.example names Secret %s", ref.path("name").asText()).contains(ref.path("name").asText()));
            document.findValues("secretName").forEach(secret -> assertThat(secretsExample)
                    .as("secrets.example names Secret %s", secret.asText()).contains(secret.asText()));
            document.findValues("passwordSecret").forEach(ref -> assertThat(secretsExample)
                    .as("secrets.example names Secret %s", ref.path("name").asText()).contains(ref.path("name").asText()));
        }
        for (JsonNode map : manifests.ofKind("ConfigMap")) {
            assertThat(Selectors.strings(map.path("data")).keySet()).as("keys of ConfigMap %s", name(map))
                    .noneMatch(key -> SECRET_NAME.matcher(key).matches());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void everyVariableSetIsReadAndEveryRequiredOneIsSet(Manifests manifests) {
        for (String process : PROCESSES) {
            ServiceConfiguration configuration = ServiceConfiguration.of(ROOT, process);
            Set<String> provided = provided(manifests, process);
            assertThat(provided).as("variables %s sets that it does not read (a misspelt or outdated name?)", process)
                    .allMatch(configuration::reads);
            assertThat(provided).as("variables %s requires in production", process).containsAll(configuration.required());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void onlyThePortalAndTheIngressReachTheServices(Manifests manifests) {
        List<JsonNode> policies = manifests.ofKind("NetworkPolicy");
        assertThat(policies).as("a default deny of all ingress").anySatisfy(policy -> {
            assertThat(policy.path("spec").path("podSelector").isEmpty()).isTrue();
            assertThat(list(policy.path("spec").path("policyTypes"))).extracting(JsonNode::asText).contains("Ingress");
            assertThat(policy.path("spec").path("ingress").isEmpty()).isTrue();
        });
        Map<String, Set<String>> callers = callers(manifests);
        for (String service : SERVICES) {
            Set<String> expected = callers.getOrDefault(service, Set.of());
            assertThat(expected).as("the portal calls %s", service).contains("portal");
            List<JsonNode> peers = peersAllowedTo(policies, Selectors.podLabels(manifests.one("Deployment", service)));
            for (String caller : expected) {
                assertThat(peers).as("%s reaches %s, which its configuration calls", caller, service)
                        .anyMatch(peer -> onlyPods(peer, manifests).equals(Set.of(caller)));
            }
            assertThat(peers).as("only the processes configured to call %s (and Prometheus) reach it", service).allMatch(peer ->
                    !onlyPods(peer, manifests).isEmpty() && expected.containsAll(onlyPods(peer, manifests))
                            || onlyNamespace(peer, MONITORING));
        }
        Map<String, String> portal = Selectors.podLabels(manifests.one("Deployment", "portal"));
        assertThat(peersAllowedTo(policies, portal)).as("only the ingress controller (and Prometheus) reach the portal")
                .isNotEmpty().allMatch(peer -> onlyNamespace(peer, INGRESS_CONTROLLER) || onlyNamespace(peer, MONITORING));
        assertThat(peersAllowedTo(policies, Map.of("cnpg.io/cluster", "compliance-db")))
                .as("the portal does not reach the event store").isNotEmpty()
                .noneMatch(peer -> onlyPods(peer, manifests).contains("portal"));
    }

    /** Nothing a process would look for on its own loopback in the demo is left to its default in a pod. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void everyAddressOfThePeersIsSet(Manifests manifests) {
        for (String process : PROCESSES) {
            Set<String> provided = provided(manifests, process);
            ServiceConfiguration.of(ROOT, process).loopbackSettings().forEach((setting, variables) ->
                    assertThat(provided).as("%s: %s points at the pod itself unless one of %s is set", process, setting, variables)
                            .containsAnyElementsOf(variables));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void theIngressPublishesThePortalAndKeycloakSignInOnly(Manifests manifests) {
        List<JsonNode> ingresses = manifests.ofKind("Ingress");
        assertThat(ingresses).hasSize(1);
        Set<String> routes = new HashSet<>();
        for (JsonNode rule : ingresses.getFirst().path("spec").path("rules")) {
            for (JsonNode path : rule.path("http").path("paths")) {
                routes.add(path.path("backend").path("service").path("name").asText() + " " + path.path("path").asText());
            }
        }
        assertThat(routes).containsExactlyInAnyOrder("portal /", "keycloak /realms/", "keycloak /resources/");
        assertThat(ingresses.getFirst().path("spec").path("tls")).as("TLS ends at the ingress").isNotEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void postgresIsAnOperatedClusterWithContinuousBackup(Manifests manifests) {
        JsonNode events = manifests.one("Cluster", "compliance-db").path("spec");
        assertThat(events.path("instances").asInt()).isGreaterThanOrEqualTo(3);
        for (JsonNode cluster : manifests.ofKind("Cluster")) {
            JsonNode store = cluster.path("spec").path("backup").path("barmanObjectStore");
            assertThat(store.path("destinationPath").asText()).as("backups of %s", name(cluster)).startsWith("s3://");
            assertThat(store.has("wal")).as("WAL archiving of %s", name(cluster)).isTrue();
            assertThat(store.path("s3Credentials").findValues("key")).as("object store keys of %s from a Secret", name(cluster)).hasSize(2);
            assertThat(manifests.ofKind("ScheduledBackup")).as("base backups of %s", name(cluster))
                    .anyMatch(backup -> backup.path("spec").path("cluster").path("name").asText().equals(name(cluster)));
        }
        assertThat(manifests.one("Cluster", "keycloak-db").path("spec").path("bootstrap").path("initdb").path("database").asText())
                .as("Keycloak has its own database").isEqualTo("keycloak");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void evidenceFilesLiveOnAVolumeEveryReplicaShares(Manifests manifests) {
        JsonNode deployment = manifests.one("Deployment", "evidence-service");
        JsonNode container = container(manifests, "evidence-service");
        String root = env(container, "COMPLIANCE_BLOB_ROOT");
        JsonNode mount = list(container.path("volumeMounts")).stream()
                .filter(m -> m.path("mountPath").asText().equals(root)).findFirst().orElseThrow();
        JsonNode volume = list(deployment.path("spec").path("template").path("spec").path("volumes")).stream()
                .filter(v -> v.path("name").asText().equals(mount.path("name").asText())).findFirst().orElseThrow();
        JsonNode claim = manifests.one("PersistentVolumeClaim", volume.path("persistentVolumeClaim").path("claimName").asText());
        assertThat(list(claim.path("spec").path("accessModes"))).extracting(JsonNode::asText).containsExactly("ReadWriteMany");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void keycloakRunsInProductionModeWithTheRealmItNeeds(Manifests manifests) throws Exception {
        JsonNode container = container(manifests, "keycloak");
        assertThat(list(container.path("args"))).extracting(JsonNode::asText).containsExactly("start", "--import-realm");
        assertThat(container.path("image").asText()).endsWith(":" + keycloakVersion());
        assertThat(env(container, "KC_PROXY_HEADERS")).isEqualTo("xforwarded");
        assertThat(env(container, "KC_HTTP_ENABLED")).isEqualTo("true");
        assertThat(names(container)).contains("KC_HOSTNAME", "KC_DB_USERNAME", "KC_DB_PASSWORD");
        assertThat(probe(container, "readinessProbe")).isEqualTo("/health/ready on 9000");
        String realm = manifests.configMapData("keycloak-realm").get("compliance-realm.json");
        assertThat(realm).isEqualTo(Kustomization.text(KUBERNETES.resolve("base/keycloak/compliance-realm.json")));
        Set<String> placeholders = new HashSet<>();
        Pattern.compile("\\$\\{([A-Z_]+)}").matcher(realm).results().forEach(m -> placeholders.add(m.group(1)));
        assertThat(names(container)).as("Keycloak has every placeholder of the realm").containsAll(placeholders);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void imagesAreTheOnesJibBuilds(Manifests manifests) {
        for (String process : PROCESSES) {
            assertThat(container(manifests, process).path("image").asText()).matches("(.+/)?compliance/" + process + ":.+");
        }
    }

    @Test
    void theBaseRenderedHereIsWhatKustomizeRenders() {
        Manifests ours = Kustomization.render(KUBERNETES.resolve("base"));
        Kustomization.renderWithKubectl(KUBERNETES.resolve("base")).ifPresent(kustomize ->
                assertThat(kustomize.documents()).extracting(d -> d.path("kind").asText() + " " + (d.path("kind").asText().equals("ConfigMap")
                                ? name(d).replaceAll("-[a-z0-9]{10}$", "") : name(d)))
                        .containsExactlyInAnyOrderElementsOf(ours.documents().stream()
                                .map(d -> d.path("kind").asText() + " " + name(d)).toList()));
    }

    // --- reading the manifests

    static JsonNode container(Manifests manifests, String deployment) {
        return list(manifests.one("Deployment", deployment).path("spec").path("template").path("spec").path("containers")).stream()
                .filter(c -> c.path("name").asText().equals(deployment)).findFirst().orElseThrow();
    }

    /** A probe as "path on port", the port's name resolved to its number. */
    static String probe(JsonNode container, String kind) {
        JsonNode get = container.path(kind).path("httpGet");
        String port = get.path("port").asText();
        for (JsonNode declared : container.path("ports")) {
            if (declared.path("name").asText().equals(port)) {
                port = declared.path("containerPort").asText();
            }
        }
        return get.path("path").asText() + " on " + port;
    }

    static String env(JsonNode container, String name) {
        return list(container.path("env")).stream().filter(e -> e.path("name").asText().equals(name))
                .map(e -> e.path("value").asText()).findFirst().orElseThrow(() -> new AssertionError(name + " is not set"));
    }

    static Set<String> names(JsonNode container) {
        Set<String> names = new HashSet<>();
        container.path("env").forEach(e -> names.add(e.path("name").asText()));
        return names;
    }

    /** Every variable a process gets: env, ConfigMaps through envFrom, and secret files where SmallRye reads them. */
    static Set<String> provided(Manifests manifests, String process) {
        JsonNode container = container(manifests, process);
        Set<String> names = names(container);
        for (JsonNode source : container.path("envFrom")) {
            assertThat(source.has("secretRef")).as("%s takes Secrets key by key (secretKeyRef), so they can be checked", process).isFalse();
            names.addAll(manifests.configMapData(source.path("configMapRef").path("name").asText()).keySet());
        }
        if (names.contains("SMALLRYE_CONFIG_SOURCE_FILE_LOCATIONS")) {
            Set<String> directories = Set.of(env(container, "SMALLRYE_CONFIG_SOURCE_FILE_LOCATIONS").split(","));
            JsonNode pod = manifests.one("Deployment", process).path("spec").path("template").path("spec");
            for (JsonNode mount : container.path("volumeMounts")) {
                if (directories.contains(mount.path("mountPath").asText())) {
                    pod.path("volumes").forEach(volume -> {
                        if (volume.path("name").asText().equals(mount.path("name").asText())) {
                            volume.path("secret").path("items").forEach(item -> names.add(item.path("path").asText()));
                        }
                    });
                }
            }
        }
        return names;
    }

    /** Who calls whom: the Deployments each process's variables name by their Service's address. */
    static Map<String, Set<String>> callers(Manifests manifests) {
        Set<String> processes = new HashSet<>(manifests.ofKind("Deployment").stream().map(Manifests::name).toList());
        Pattern address = Pattern.compile("https?://([a-z0-9-]+)(:[0-9]+)?(/.*)?");
        Map<String, Set<String>> callers = new java.util.HashMap<>();
        for (String process : PROCESSES) {
            container(manifests, process).path("env").forEach(variable -> {
                var matcher = address.matcher(variable.path("value").asText());
                if (matcher.matches() && processes.contains(matcher.group(1))) {
                    callers.computeIfAbsent(matcher.group(1), callee -> new HashSet<>()).add(process);
                }
            });
        }
        return callers;
    }

    /** The peers (from entries) of every policy that selects pods with these labels. */
    static List<JsonNode> peersAllowedTo(List<JsonNode> policies, Map<String, String> pods) {
        List<JsonNode> peers = new ArrayList<>();
        for (JsonNode policy : policies) {
            if (Selectors.selects(policy.path("spec").path("podSelector"), pods)) {
                policy.path("spec").path("ingress").forEach(rule -> {
                    assertThat(rule.has("from")).as("%s names who may connect", name(policy)).isTrue();
                    rule.path("from").forEach(peers::add);
                });
            }
        }
        return peers;
    }

    /** The Deployments whose pods a peer of this namespace selects (none when it names other namespaces). */
    static Set<String> onlyPods(JsonNode peer, Manifests manifests) {
        Set<String> selected = new HashSet<>();
        if (peer.has("podSelector") && !peer.has("namespaceSelector")) {
            for (JsonNode deployment : manifests.ofKind("Deployment")) {
                if (Selectors.selects(peer.path("podSelector"), Selectors.podLabels(deployment))) {
                    selected.add(name(deployment));
                }
            }
        }
        return selected;
    }

    static boolean onlyNamespace(JsonNode peer, Map<String, String> namespace) {
        return !peer.has("podSelector") && peer.has("namespaceSelector")
                && Selectors.strings(peer.path("namespaceSelector").path("matchLabels")).equals(namespace);
    }

    static Set<String> demoValues() throws Exception {
        Set<String> values = new HashSet<>();
        for (String line : Files.readAllLines(ROOT.resolve("infra/local/demo-secrets.env"))) {
            if (!line.startsWith("#") && line.contains("=")) {
                values.add(line.substring(line.indexOf('=') + 1).trim());
            }
        }
        return values;
    }

    static String keycloakVersion() throws Exception {
        var matcher = Pattern.compile("<keycloak.version>([^<]+)</keycloak.version>").matcher(Files.readString(ROOT.resolve("pom.xml")));
        assertThat(matcher.find()).isTrue();
        return matcher.group(1);
    }
}
