package org.compliance.cases.rest;

import static io.restassured.RestAssured.given;
import static org.compliance.cases.rest.CaseApi.token;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import java.io.IOException;
import java.util.List;
import org.compliance.api.cases.views.OrganisationEntry;
import org.compliance.api.cases.views.StaffEntry;
import org.compliance.cases.adapters.OrganisationsInKeycloak;
import org.compliance.cases.adapters.StaffInKeycloak;
import org.compliance.cases.application.OrganisationDirectory;
import org.compliance.cases.application.StaffDirectory;
import org.compliance.platform.directory.DirectoryUnavailable;
import org.compliance.testing.RealPeers;
import org.junit.jupiter.api.Test;

/** Staff and organisations found by part of their names in the real Keycloak, for staff choosing them in a case. */
@QuarkusTest
@WithTestResource(RealPeers.class)
class DirectoriesForPickersTest {

    @Test
    void the_authorities_that_run_cases_are_listed_for_staff_only() {
        given().auth().oauth2(token("iris.investigator")).when().get("/authorities").then().statusCode(200)
                .body("$", hasItem(CaseApi.ICO));
        given().auth().oauth2(token("nora.northwind")).when().get("/authorities").then().statusCode(403);
    }

    @Test
    void staff_are_found_by_any_part_of_their_name_with_ids_and_roles() {
        String iris = token("iris.investigator");
        given().auth().oauth2(iris).when().get("/staff?q=INVEST").then().statusCode(200)
                .body("name", contains("Iris Investigator", "Ivan Investigator"))
                .body("userId", hasItem(CaseApi.IVAN_ID))
                .body("[0].roles", contains("investigator"));
        given().auth().oauth2(iris).queryParam("q", "am sup").when().get("/staff").then().statusCode(200)
                .body("userId", contains(CaseApi.SAM_ID))
                .body("[0].name", equalTo("Sam Supervisor"))
                .body("[0].roles", contains("supervisor"));
        // only those who may lead a case or join its team: not auditors, operators or company users
        given().auth().oauth2(iris).when().get("/staff?q=ada").then().statusCode(200).body("$", empty());
        given().auth().oauth2(iris).when().get("/staff?q=nora").then().statusCode(200).body("$", empty());
        given().auth().oauth2(token("ada.auditor")).when().get("/staff").then().statusCode(200)
                .body("name", contains("Iris Investigator", "Ivan Investigator", "Sam Supervisor"));
    }

    @Test
    void organisations_are_found_by_part_of_their_name_or_alias() {
        String sam = token("sam.supervisor");
        given().auth().oauth2(sam).when().get("/organisations?q=north").then().statusCode(200)
                .body("alias", contains("northwind-cloud"))
                .body("[0].name", equalTo("Northwind Cloud Ltd"));
        given().auth().oauth2(sam).when().get("/organisations?q=CONTOSO-M").then().statusCode(200)
                .body("alias", contains("contoso-models"))
                .body("[0].name", equalTo("Contoso Models plc"));
        given().auth().oauth2(sam).when().get("/organisations").then().statusCode(200)
                .body("name", contains("Contoso Models plc", "Northwind Cloud Ltd"));
        given().auth().oauth2(sam).when().get("/organisations?q=nobody-by-this-name").then().statusCode(200)
                .body("$", empty());
    }

    @Test
    void pages_are_bounded() {
        String iris = token("iris.investigator");
        given().auth().oauth2(iris).when().get("/staff?size=2").then().statusCode(200)
                .body("name", contains("Iris Investigator", "Ivan Investigator"));
        given().auth().oauth2(iris).when().get("/organisations?size=1").then().statusCode(200).body("$", hasSize(1));
        given().auth().oauth2(iris).when().get("/staff?size=50").then().statusCode(200).body("$", hasSize(3));
        for (String path : new String[] {"/staff", "/organisations"}) {
            given().auth().oauth2(iris).when().get(path + "?size=51").then().statusCode(422)
                    .contentType("application/problem+json");
            given().auth().oauth2(iris).when().get(path + "?size=0").then().statusCode(422)
                    .contentType("application/problem+json");
        }
    }

    @Test
    void bad_input_gets_problem_details() {
        String iris = token("iris.investigator");
        for (String path : new String[] {"/staff", "/organisations"}) {
            given().auth().oauth2(iris).when().get(path + "?size=twenty").then().statusCode(400)
                    .contentType("application/problem+json").body("errors[0].field", equalTo("size"));
            given().auth().oauth2(iris).when().get(path + "?size=1e3").then().statusCode(400)
                    .contentType("application/problem+json");
            given().auth().oauth2(iris).when().get(path + "?q=" + "x".repeat(101)).then().statusCode(422)
                    .contentType("application/problem+json");
            // the input boundary refuses a line break in any query before the resource (@SingleLine states it too)
            given().auth().oauth2(iris).urlEncodingEnabled(false).when().get(path + "?q=iris%0Ainvestigator")
                    .then().statusCode(400).contentType("application/problem+json");
            given().auth().oauth2(iris).urlEncodingEnabled(false).when().get(path + "?q=iris%00").then()
                    .statusCode(400).contentType("application/problem+json");
        }
    }

    @Test
    void companies_and_operators_may_not_search_the_directories() {
        for (String path : new String[] {"/staff", "/organisations"}) {
            given().when().get(path).then().statusCode(401).contentType("application/problem+json");
            given().auth().oauth2(token("nora.northwind")).when().get(path + "?q=a").then().statusCode(403)
                    .contentType("application/problem+json");
            given().auth().oauth2(token("otto.operator")).when().get(path).then().statusCode(403);
        }
    }

    @Test
    void keycloak_unreachable_is_a_503_to_try_again() {
        var down = new DirectoryUnavailable("The directory cannot tell now (Keycloak could not be reached)",
                new IOException("Connection refused"));
        QuarkusMock.installMockForType(new StaffInKeycloak(null) {
            @Override
            public Uni<List<StaffEntry>> staff() {
                return Uni.createFrom().failure(down);
            }
        }, StaffDirectory.class);
        QuarkusMock.installMockForType(new OrganisationsInKeycloak(null) {
            @Override
            public Uni<List<OrganisationEntry>> organisations() {
                return Uni.createFrom().failure(down);
            }
        }, OrganisationDirectory.class);
        String iris = token("iris.investigator");
        for (String path : new String[] {"/staff", "/organisations"}) {
            given().auth().oauth2(iris).when().get(path + "?q=iris").then().statusCode(503)
                    .contentType("application/problem+json").header("Retry-After", notNullValue());
        }
    }
}
