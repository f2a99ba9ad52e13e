package org.compliance.cases.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.compliance.cases.rest.CaseApi.ICO;
import static org.compliance.cases.rest.CaseApi.openCaseWith;
import static org.compliance.cases.rest.CaseApi.token;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.compliance.testing.RealPeers;
import org.junit.jupiter.api.Test;

/**
 * Relevance ranks only the newest matches (decision 30), here two: a better match among older ones comes after them,
 * newest first, and pages through the same order whatever their size.
 */
@QuarkusTest
@TestProfile(RankedMatchesTest.TwoRanked.class)
@WithTestResource(RealPeers.class)
class RankedMatchesTest {

    public static class TwoRanked implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("compliance.cases.ranked-matches", "2");
        }
    }

    @Test
    void the_best_match_among_the_newest_comes_first_and_older_matches_follow_newest_first() {
        String m = "zq" + Long.toString(Math.abs(new Random().nextLong()), 36).replaceAll("[0-9]", "x");
        String oldestInTitle = open("Retention of " + m + " archives", "Archives kept", "Archives kept");
        String olderInAllegation = open("Retention of scans", "Scans kept", m + " scans kept");
        String newerInSummary = open("Retention of chat logs", "Chats about " + m + " kept", "Logs kept");
        String newestInAllegation = open("Retention of call recordings", "Calls kept", m + " recordings kept");

        // ranked: the two newest (the summary outranks the allegation); then the rest, newest first
        List<String> expected = List.of(newerInSummary, newestInAllegation, olderInAllegation, oldestInTitle);
        assertThat(page(m, 0, 10)).containsExactlyElementsOf(expected);
        assertThat(List.of(page(m, 0, 3), page(m, 1, 3)).stream().flatMap(List::stream).toList())
                .containsExactlyElementsOf(expected);
        assertThat(List.of(page(m, 0, 1), page(m, 1, 1), page(m, 2, 1), page(m, 3, 1)).stream()
                .flatMap(List::stream).toList()).containsExactlyElementsOf(expected);
    }

    private static String open(String title, String summary, String allegation) {
        return openCaseWith("iris.investigator", """
                {"title": "%s", "summary": "%s", "authority": "%s", "legalBases": ["UK GDPR"], "priority": "HIGH",
                 "confidentiality": "STANDARD",
                 "respondents": [{"organisationAlias": "northwind-cloud", "name": "Northwind Cloud Ltd"}],
                 "allegations": [{"legalBasis": "UK GDPR Art. 5(1)(e)", "description": "%s"}]}
                """.formatted(title, summary, ICO, allegation));
    }

    private static List<String> page(String q, int page, int size) {
        return given().auth().oauth2(token("iris.investigator")).queryParam("q", q).queryParam("page", page)
                .queryParam("size", size).when().get("/cases").then().statusCode(200).extract().path("items.caseId");
    }
}
