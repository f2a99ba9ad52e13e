package org.compliance.system.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.compliance.system.Suite;

/**
 * Real things in the suite for requests to be about: ids for path parameters (by parameter name, or by
 * {@code path#name} where one name means different things), and values a valid body needs.
 *
 * @param pathValues ids that exist, by parameter name or {@code path#name}
 * @param bodyValues valid JSON values (as written) of body fields that must name something real, by field name
 */
record Fixture(Map<String, List<String>> pathValues, Map<String, List<String>> bodyValues) {

    /** The demo users, each with their one role; every password is {@code demo}. */
    static final Map<String, String> USERS = Map.of(
            "iris.investigator", "investigator",
            "ivan.investigator", "investigator",
            "sam.supervisor", "supervisor",
            "ada.auditor", "auditor",
            "nora.northwind", "company",
            "colin.contoso", "company",
            "otto.operator", "operator");

    List<String> pathValues(String path, String name) {
        return pathValues.getOrDefault(path + "#" + name, pathValues.getOrDefault(name, List.of()));
    }

    List<String> bodyValues(String name) {
        return bodyValues.getOrDefault(name, List.of());
    }

    /**
     * Makes, through the APIs, one of everything a path can name: a case with a complainant, a named person and an allegation,
     * an evidence request on it with a submitted file, a second upload not yet submitted, a webhook endpoint of
     * the respondent, and a notification in the lead investigator's inbox.
     */
    static Fixture create(Suite suite, SuiteClient client, String staffToken) {
        String caseId = client.postJson("iris.investigator", suite.cases.url("/cases"), Map.of(
                "title", "Fuzzing fixture: personal data used to train models",
                "summary", "A case for the API fuzzer to name",
                "authority", "Information Commissioner's Office",
                "legalBases", List.of("UK GDPR"),
                "respondents", List.of(Map.of("organisationAlias", "northwind-cloud", "name", "Northwind Cloud Ltd")),
                "complainants", List.of(Map.of("kind", "ORGANISATION", "name", "Contoso Models plc",
                        "organisationAlias", "contoso-models")),
                "allegations", List.of(Map.of("legalBasis", "UK GDPR Art. 6(1)",
                        "description", "Browsing data used without a lawful basis"))), 201).path("caseId").asText();
        await().atMost(Duration.ofSeconds(60)).until(() ->
                client.get("iris.investigator", suite.evidence.url("/known-cases/" + caseId)).statusCode() == 200);
        var named = client.send("iris.investigator", "POST", suite.cases.url("/cases/" + caseId + "/named-persons"),
                "application/json", "{\"name\":\"Jo Witness\",\"role\":\"witness\"}", "If-Match", "\"0\"");
        assertThat(named.statusCode()).as(named.body()).isEqualTo(200);
        String personId = await().atMost(Duration.ofSeconds(60)).until(() -> client.getJson("iris.investigator",
                suite.cases.url("/cases/" + caseId)).path("namedPersons").path(0).path("personId").asText(""),
                id -> !id.isEmpty());
        String requestId = client.postJson("iris.investigator", suite.evidence.url("/requests"), Map.of(
                "caseId", caseId, "respondentOrganisationAlias", "northwind-cloud",
                "items", List.of("Records of processing activities"), "legalBasis", "UK GDPR Art. 58(1)(a)"), 201)
                .path("requestId").asText();
        await().atMost(Duration.ofSeconds(60)).until(() ->
                client.get("nora.northwind", suite.evidence.url("/requests/" + requestId)).statusCode() == 200);
        String submitted = upload(suite, client, requestId, "ropa.csv");
        // a submission changes the request: it names the version read (If-Match), as every change does
        String version = client.get("nora.northwind", suite.evidence.url("/requests/" + requestId)).headers()
                .firstValue("ETag").orElseThrow();
        var submittedAnswer = client.send("nora.northwind", "POST",
                suite.evidence.url("/requests/" + requestId + "/submissions"), "application/json",
                SuiteClient.write(Map.of("uploadIds", List.of(submitted), "description",
                        "Records of processing activities", "statementOfTruth",
                        Map.of("name", "Nora Northwind", "position", "Data Protection Officer"))),
                "If-Match", version);
        assertThat(submittedAnswer.statusCode()).as(submittedAnswer.body()).isEqualTo(201);
        JsonNode receipt = SuiteClient.read(submittedAnswer.body());
        JsonNode submission = await().atMost(Duration.ofSeconds(60)).until(() -> client.getJson("nora.northwind",
                suite.evidence.url("/requests/" + requestId)).path("request").path("submissions").path(0),
                node -> !node.isMissingNode());
        String unsubmitted = upload(suite, client, requestId, "training-data.csv");
        var webhook = client.send("nora.northwind", "POST",
                suite.notifications.url("/organisations/northwind-cloud/webhooks"), "application/json",
                "{\"url\":\"https://hooks.example.com/compliance\"}");
        JsonNode notification = await().atMost(Duration.ofSeconds(60)).until(() -> client.getJson("iris.investigator",
                suite.notifications.url("/inbox")).path("items").path(0), node -> !node.isMissingNode());
        String staff = SuiteClient.read(new String(Base64.getUrlDecoder().decode(staffToken.split("\\.")[1]),
                StandardCharsets.UTF_8)).path("sub").asText();

        Map<String, List<String>> path = new HashMap<>();
        path.put("caseId", List.of(caseId));
        path.put("requestId", List.of(requestId));
        path.put("submissionId", List.of(submission.path("submissionId").asText()));
        path.put("fileId", List.of(submission.path("files").path(0).path("fileId").asText()));
        path.put("alias", List.of("northwind-cloud"));
        path.put("complainantId", List.of("C1"));
        path.put("personId", List.of(personId));
        path.put("allegationId", List.of("A1"));
        path.put("userId", List.of(staff));
        path.put("organisation", List.of("northwind-cloud", "contoso-models"));
        path.put("/inbox/{id}/read#id", List.of(notification.path("id").asText()));
        if (webhook.statusCode() == 201) {
            path.put("/organisations/{organisation}/webhooks/{id}#id",
                    List.of(SuiteClient.read(webhook.body()).path("subscription").path("id").asText()));
        }
        Map<String, List<String>> body = new HashMap<>();
        body.put("caseId", List.of(quoted(caseId)));
        body.put("organisationAlias", List.of(quoted("northwind-cloud"), quoted("contoso-models")));
        body.put("respondentOrganisationAlias", List.of(quoted("northwind-cloud")));
        body.put("authority", List.of(quoted("Information Commissioner's Office")));
        body.put("legalBasis", List.of(quoted("UK GDPR Art. 6(1)")));
        body.put("currency", List.of(quoted("GBP")));
        body.put("userId", List.of(quoted(staff)));
        body.put("uploadIds", List.of("[" + quoted(unsubmitted) + "]"));
        body.put("url", List.of(quoted("https://hooks.example.com/compliance")));
        body.put("body:/receipts/verification", List.of(receipt.toString()));
        return new Fixture(path, body);
    }

    private static String upload(Suite suite, SuiteClient client, String requestId, String fileName) {
        var response = client.send("nora.northwind", "POST",
                suite.evidence.url("/requests/" + requestId + "/uploads?fileName=" + fileName), "text/csv",
                "activity,purpose\nmodel training,product improvement\n");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return SuiteClient.read(response.body()).path("uploadId").asText();
    }

    private static String quoted(String text) {
        return JsonText.string(text).write();
    }
}
