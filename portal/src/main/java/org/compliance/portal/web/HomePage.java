package org.compliance.portal.web;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/** The way in: each kind of user lands on their own starting page. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class HomePage {

    private final SignedInUser user;
    private final Template noRole;
    private final Template signedOut;

    public HomePage(SignedInUser user, @Location("no-role.html") Template noRole,
                    @Location("signed-out.html") Template signedOut) {
        this.user = user;
        this.noRole = noRole;
        this.signedOut = signedOut;
    }

    @GET
    public Response home() {
        if (user.isCompany()) {
            return Response.seeOther(URI.create("/requests")).build();
        }
        if (user.isStaff()) {
            return Response.seeOther(URI.create("/work")).build();
        }
        if (user.isAuditor()) {
            return Response.seeOther(URI.create("/audit")).build();
        }
        return Response.status(403).entity(noRole.instance()).build();
    }

    @GET
    @Path("signed-out")
    public TemplateInstance signedOut() {
        return signedOut.instance();
    }
}
