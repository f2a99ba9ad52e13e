package org.compliance.portal.backend;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

/** A service's refusal reaches the user in the service's own words, with its status. */
class ServiceProblemsTest {

    private final ServiceProblems problems = new ServiceProblems();

    @Test
    void a_problem_keeps_the_services_title_detail_and_status() {
        ServiceProblem problem = problems.toThrowable(Response.status(409).type("application/problem+json")
                .entity("{\"type\":\"about:blank\",\"title\":\"Conflict\",\"status\":409,"
                        + "\"detail\":\"The case has changed since version 3\"}").build());
        assertThat(problem.status()).isEqualTo(409);
        assertThat(problem.title()).isEqualTo("Conflict");
        assertThat(problem.detail()).isEqualTo("The case has changed since version 3");
    }

    @Test
    void an_answer_without_a_problem_still_says_what_happened() {
        ServiceProblem notFound = problems.toThrowable(Response.status(404).build());
        assertThat(notFound.title()).isEqualTo("Not found");
        assertThat(notFound.detail()).isEqualTo("The service refused this (404)");
        ServiceProblem garbled = problems.toThrowable(Response.status(502).entity("<html>proxy</html>").build());
        assertThat(garbled.title()).isEqualTo("Refused");
        assertThat(garbled.status()).isEqualTo(502);
    }

    @Test
    void redirects_and_failures_are_problems_successes_are_not() {
        assertThat(problems.handles(200, null)).isFalse();
        assertThat(problems.handles(204, null)).isFalse();
        assertThat(problems.handles(304, null)).isTrue();
        assertThat(problems.handles(412, null)).isTrue();
    }
}
