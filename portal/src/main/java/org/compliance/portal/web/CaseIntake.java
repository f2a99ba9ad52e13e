package org.compliance.portal.web;

import static org.compliance.portal.web.Forms.day;
import static org.compliance.portal.web.Forms.given;
import static org.compliance.portal.web.Forms.lines;
import static org.compliance.portal.web.Forms.segment;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.compliance.api.cases.Complainant;
import org.compliance.api.cases.Confidentiality;
import org.compliance.api.cases.Priority;
import org.compliance.api.cases.requests.AllegationInput;
import org.compliance.api.cases.requests.ComplainantInput;
import org.compliance.api.cases.requests.OpenCaseRequest;
import org.compliance.api.cases.requests.RespondentInput;
import org.compliance.api.cases.views.StaffEntry;
import org.compliance.portal.backend.CasesClient;
import org.compliance.portal.backend.ReadAfter;
import org.compliance.portal.backend.ServiceProblem;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Opening a case in the portal with everything case-service takes: respondents, complainants, the lead and the team
 * chosen by name, allegations with their legal basis and conduct dates, priority and confidentiality. The form's
 * fields are named as the API names them ({@code allegations[0].description}), so a refusal's field errors land
 * beside the field that caused them.
 */
@Path("/cases/new")
@Produces(MediaType.TEXT_HTML)
public class CaseIntake {

    /** Rows the form offers; more parties and allegations are added on the case's page afterwards. */
    static final int RESPONDENTS = 3;
    static final int COMPLAINANTS = 2;
    static final int ALLEGATIONS = 3;
    static final int TEAM = 3;

    private final CasesClient cases;
    private final Directories directories;
    private final SignedInUser user;
    private final ReadAfter readAfter;
    private final Template form;

    public CaseIntake(@RestClient CasesClient cases, Directories directories, SignedInUser user, ReadAfter readAfter,
                      @Location("new-case.html") Template form) {
        this.cases = cases;
        this.directories = directories;
        this.user = user;
        this.readAfter = readAfter;
        this.form = form;
    }

    @GET
    public TemplateInstance form() {
        requireStaff();
        return form.data("authorities", cases.authorities())
                .data("organisations", directories.organisations())
                .data("staff", directories.staff())
                .data("me", user.name())
                .data("respondentRows", rows(RESPONDENTS)).data("complainantRows", rows(COMPLAINANTS))
                .data("allegationRows", rows(ALLEGATIONS)).data("teamRows", rows(TEAM))
                .data("priorities", names(Priority.values())).data("confidentialities", names(Confidentiality.values()));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response open(MultivaluedMap<String, String> fields) {
        requireStaff();
        var errors = new ArrayList<ServiceProblem.FieldError>();
        var request = new OpenCaseRequest(text(fields, "title"), text(fields, "summary"), text(fields, "authority"),
                lines(text(fields, "legalBases")), choice(Priority.class, fields, "priority", errors),
                choice(Confidentiality.class, fields, "confidentiality", errors),
                respondents(fields, errors), complainants(fields, errors), allegations(fields, errors),
                lead(fields, errors), team(fields, errors));
        FormRefused.ifAny(errors);
        String caseId = readAfter.changed(cases.open(request)).caseId();
        return Response.seeOther(URI.create("/cases/" + segment(caseId) + "?done=opened")).build();
    }

    private List<RespondentInput> respondents(MultivaluedMap<String, String> fields,
                                              List<ServiceProblem.FieldError> errors) {
        var respondents = new ArrayList<RespondentInput>();
        for (int i = 0; i < RESPONDENTS; i++) {
            String name = given(fields.getFirst("respondents[" + i + "]"));
            if (name != null) {
                directories.organisation(name, "respondents[" + respondents.size() + "]", errors)
                        .ifPresent(o -> respondents.add(new RespondentInput(o.alias(), o.name())));
            }
        }
        return respondents;
    }

    private List<ComplainantInput> complainants(MultivaluedMap<String, String> fields,
                                                List<ServiceProblem.FieldError> errors) {
        var complainants = new ArrayList<ComplainantInput>();
        for (int i = 0; i < COMPLAINANTS; i++) {
            String prefix = "complainants[" + i + "].";
            String name = given(fields.getFirst(prefix + "name"));
            if (name == null) {
                continue;
            }
            var kind = choice(Complainant.Kind.class, fields, prefix + "kind", errors);
            if (kind == Complainant.Kind.ORGANISATION) {
                directories.organisation(name, prefix + "name", errors).ifPresent(o ->
                        complainants.add(new ComplainantInput(kind, o.name(), o.alias())));
            } else {
                complainants.add(new ComplainantInput(kind, name.strip(), null));
            }
        }
        return complainants;
    }

    private static List<AllegationInput> allegations(MultivaluedMap<String, String> fields,
                                                     List<ServiceProblem.FieldError> errors) {
        var allegations = new ArrayList<AllegationInput>();
        for (int i = 0; i < ALLEGATIONS; i++) {
            String prefix = "allegations[" + i + "].";
            String basis = given(fields.getFirst(prefix + "legalBasis"));
            String description = given(fields.getFirst(prefix + "description"));
            // a row left empty is no allegation; the first one always counts, so that none is refused by name
            if (i > 0 && basis == null && description == null) {
                continue;
            }
            allegations.add(new AllegationInput(basis, description,
                    day(fields.getFirst(prefix + "conductFrom"), prefix + "conductFrom", errors),
                    day(fields.getFirst(prefix + "conductTo"), prefix + "conductTo", errors)));
        }
        return allegations;
    }

    private String lead(MultivaluedMap<String, String> fields, List<ServiceProblem.FieldError> errors) {
        String name = given(fields.getFirst("leadInvestigator"));
        return name == null ? null : directories.staffMember(name, "leadInvestigatorId", errors)
                .map(StaffEntry::userId).orElse(null);
    }

    private List<String> team(MultivaluedMap<String, String> fields, List<ServiceProblem.FieldError> errors) {
        var team = new ArrayList<String>();
        for (int i = 0; i < TEAM; i++) {
            String name = given(fields.getFirst("team[" + i + "]"));
            if (name != null) {
                directories.staffMember(name, "team[" + team.size() + "]", errors)
                        .ifPresent(s -> team.add(s.userId()));
            }
        }
        return team;
    }

    private void requireStaff() {
        if (!user.isStaff()) {
            throw new ForbiddenException("Only investigators and supervisors open cases.");
        }
    }

    private static String text(MultivaluedMap<String, String> fields, String name) {
        return given(fields.getFirst(name)) == null ? null : fields.getFirst(name).strip();
    }

    private static <E extends Enum<E>> E choice(Class<E> type, MultivaluedMap<String, String> fields, String name,
                                                List<ServiceProblem.FieldError> errors) {
        String value = given(fields.getFirst(name));
        try {
            return value == null ? null : Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(new ServiceProblem.FieldError(name, "Choose one of the values offered."));
            return null;
        }
    }

    private static List<Integer> rows(int count) {
        return IntStream.range(0, count).boxed().toList();
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }
}
