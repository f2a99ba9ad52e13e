package org.compliance.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.response.ValidatableResponse;
import java.util.function.Supplier;
import javax.sql.DataSource;

/** What every input-boundary test checks of a refusal: problem details with the status, and no event stored. */
public final class Refusals {

    private Refusals() {
    }

    /** Sends the request and checks it was refused with {@code status} as problem details, changing nothing. */
    public static ValidatableResponse refusedUnchanged(DataSource dataSource, Supplier<ValidatableResponse> request,
                                                       int status) {
        long before = storedEvents(dataSource);
        ValidatableResponse response = request.get().statusCode(status).contentType("application/problem+json")
                .body("status", equalTo(status));
        assertThat(storedEvents(dataSource)).as("events stored by a refused request").isEqualTo(before);
        return response;
    }

    public static long storedEvents(DataSource dataSource) {
        return Sql.count(dataSource, "SELECT count(*) FROM event_store.domain_event_entry");
    }
}
