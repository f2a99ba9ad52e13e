package org.compliance.portal.web;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * Pages that fail as a page can fail in production, for {@link FailuresTest} only: code that throws, and a
 * template that throws while it renders. Open to anyone under the test profile.
 */
@Path("/trouble")
@Produces(MediaType.TEXT_HTML)
public class Trouble {

    private final Template page;

    public Trouble(@Location("no-role.html") Template page) {
        this.page = page;
    }

    @GET
    @Path("code")
    public String code() {
        throw new IllegalStateException("a page's code failed");
    }

    @GET
    @Path("rendering")
    public TemplateInstance rendering() {
        Object failing = new Object() {
            @Override
            public String toString() {
                throw new IllegalStateException("a value failed while the page rendered");
            }
        };
        return page.data("done", failing);
    }
}
