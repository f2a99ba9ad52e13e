package org.compliance.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.compliance.deploy.Manifests.list;

/**
 * The realm deploy/ imports is the demo realm of infra/keycloak made fit for an installation: the same roles, clients,
 * audiences and service accounts, but no demo people, no demo organisations, no password-grant client, and client
 * secrets and the portal's address filled in from the environment at import. When the demo realm gains a role or a
 * client, this fails until the production one has it too.
 */
class ProductionRealmTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Path ROOT = DeploymentFilesTest.ROOT;

    @Test
    void theProductionRealmHasTheDemoRealmRolesClientsAndServiceAccountsAndNothingOfTheDemo() throws Exception {
        JsonNode demo = JSON.readTree(ROOT.resolve("infra/keycloak/compliance-realm.json").toFile());
        JsonNode production = JSON.readTree(ROOT.resolve("deploy/kubernetes/base/keycloak/compliance-realm.json").toFile());

        assertThat(production.path("realm")).isEqualTo(demo.path("realm"));
        assertThat(production.path("roles")).isEqualTo(demo.path("roles"));
        assertThat(production.has("organizations")).as("organisations are the regulator's to create").isFalse();
        assertThat(list(production.path("users"))).as("only the services' accounts")
                .allMatch(user -> user.has("serviceAccountClientId"))
                .isEqualTo(list(demo.path("users")).stream().filter(user -> user.has("serviceAccountClientId")).toList());

        Map<String, JsonNode> demoClients = byClientId(demo);
        Map<String, JsonNode> clients = byClientId(production);
        assertThat(clients.keySet()).as("every client but the demo's password-grant one")
                .containsExactlyInAnyOrderElementsOf(demoClients.keySet().stream().filter(id -> !id.equals("compliance-cli")).toList());
        clients.forEach((id, client) -> {
            JsonNode expected = demoClients.get(id).deepCopy();
            if (expected.has("secret")) {
                assertThat(client.path("secret").asText()).as("secret of %s", id).matches("\\$\\{[A-Z_]+_CLIENT_SECRET}");
                ((ObjectNode) expected).set("secret", client.path("secret"));
            }
            if (id.equals("compliance-portal")) {
                assertThat(list(client.path("redirectUris"))).extracting(JsonNode::asText).containsExactly("${PORTAL_URL}/*");
                assertThat(client.path("attributes").path("post.logout.redirect.uris").asText()).isEqualTo("${PORTAL_URL}/*");
                ((ObjectNode) expected).set("redirectUris", client.path("redirectUris"));
                ((ObjectNode) expected.path("attributes"))
                        .set("post.logout.redirect.uris", client.path("attributes").path("post.logout.redirect.uris"));
            }
            assertThat(client).as("client %s as in the demo realm", id).isEqualTo(expected);
        });
    }

    private static Map<String, JsonNode> byClientId(JsonNode realm) {
        return list(realm.path("clients")).stream()
                .collect(Collectors.toMap(c -> c.path("clientId").asText(), Function.identity()));
    }
}
