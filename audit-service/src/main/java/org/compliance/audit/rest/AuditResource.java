package org.compliance.audit.rest;

import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.compliance.api.audit.EventKinds;
import org.compliance.api.audit.views.Access;
import org.compliance.api.audit.views.AsOf;
import org.compliance.api.audit.views.CaseTimeline;
import org.compliance.api.audit.views.Changes;
import org.compliance.api.audit.views.HistoryEntry;
import org.compliance.api.audit.views.HistoryPage;
import org.compliance.api.audit.views.Verification;
import org.compliance.audit.application.AccessLog;
import org.compliance.audit.application.Audit;
import org.compliance.audit.application.BundleExport;
import org.compliance.audit.application.Checkpoints;
import org.compliance.audit.application.TimeTravel;
import org.compliance.audit.query.HistoryFilter;
import org.compliance.audit.verifier.Bundle;
import org.compliance.platform.domain.RuleViolation;
import org.compliance.platform.identity.Caller;
import org.compliance.platform.identity.CurrentCaller;
import org.compliance.platform.input.Params;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The auditor's view of the store: read-only, for auditors (and supervisors, who answer for the cases).
 * Every reading of a case is itself recorded in the access log.
 */
@Path("/audit")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit", description = "Read-only: history, time travel, verification, bundles and "
        + "checkpoints; every look at a case is recorded")
@RolesAllowed({"auditor", "supervisor"})
@Blocking
public class AuditResource {


    private final Audit audit;
    private final TimeTravel timeTravel;
    private final AccessLog access;
    private final BundleExport bundles;
    private final Checkpoints checkpoints;
    private final CurrentCaller caller;

    public AuditResource(Audit audit, TimeTravel timeTravel, AccessLog access, BundleExport bundles,
                         Checkpoints checkpoints, CurrentCaller caller) {
        this.audit = audit;
        this.timeTravel = timeTravel;
        this.access = access;
        this.bundles = bundles;
        this.checkpoints = checkpoints;
        this.caller = caller;
    }

    @GET
    @Path("/cases/{caseId}/history")
    @Operation(operationId = "getCaseHistory",
            summary = "A case's whole history across services", description = "The case's own events and "
            + "those of its evidence requests and submissions, in commit order, each with type, payload, actor, "
            + "time, correlation and causation ids; filtered by time range [from, to), kinds of event (`type`, "
            + "simple names, repeated for several) and actor (user id). 422 for a range that ends before it starts "
            + "or a type that is no kind of event.")
    public HistoryPage history(@PathParam("caseId") String caseId,
                               @QueryParam("page") @DefaultValue("0") @Min(0) @Max(100_000) int page,
                               @QueryParam("size") @DefaultValue("100") @Min(1) @Max(1000) int size,
                               @QueryParam("from") @Parameter(description = "Events at or after this instant")
                               Instant from,
                               @QueryParam("to") @Parameter(description = "Events before this instant") Instant to,
                               @QueryParam("type") @Parameter(description = "Only events of these kinds (simple "
                                       + "names, e.g. CaseOpened; repeat for several)") List<String> types,
                               @QueryParam("actor") @Parameter(description = "Only events by this user (user id)")
                               String actor)
            throws SQLException {
        if (from != null && to != null && !to.isAfter(from)) {
            throw RuleViolation.unprocessable("to", "The range ends at or before its start: give to after from");
        }
        HistoryFilter filter = new HistoryFilter(from, to, kinds(types), blankToNull(actor));
        var entries = audit.history(caseId, filter, page, size)
                .orElseThrow(() -> new NotFoundException("No case " + caseId + " in the event store"));
        looked(caseId, "HISTORY", "page " + (page + 1) + ", " + filter.inWords());
        return new HistoryPage(caseId, entries, page, size);
    }

    @GET
    @Path("/cases/{caseId}/state")
    @Operation(operationId = "getCaseStateAsOf",
            summary = "A case and its requests as they stood then", description = "Rebuilt by replaying the "
            + "events from the event store up to the moment `at` (ISO instant) or the global `position`; "
            + "neither: now.")
    public AsOf state(@PathParam("caseId") String caseId,
                                 @QueryParam("at") @Parameter(description = "The moment; not with position") Instant at,
                                 @QueryParam("position") @Min(0) @Parameter(description = "The event store's global "
                                         + "position; not with at") Long position)
            throws SQLException, IOException {
        if (at != null && position != null) {
            throw RuleViolation.unprocessable("Give either at or position, not both");
        }
        var state = position != null ? timeTravel.atPosition(caseId, position)
                : timeTravel.at(caseId, at == null ? Instant.now() : at);
        var found = state.orElseThrow(() -> new NotFoundException("No case " + caseId + " in the event store"));
        looked(caseId, "STATE", position != null ? "at position " + position : "at " + found.asOf());
        return found;
    }


    @GET
    @Path("/cases/{caseId}/changes")
    @Operation(operationId = "getCaseChanges",
            summary = "What changed between two moments, and by whom", description = "The state at `from` "
            + "and at `to` (both rebuilt from the events) and every event after `from` up to and including `to`, "
            + "with its actor.")
    public Changes changes(@PathParam("caseId") String caseId,
                           @QueryParam("from") @Parameter(required = true, description = "The earlier moment")
                           Instant start,
                           @QueryParam("to") @Parameter(required = true, description = "The later moment") Instant end)
            throws SQLException, IOException {
        if (start == null || end == null || !end.isAfter(start)) {
            throw RuleViolation.unprocessable("from and to are ISO instants with from before to");
        }
        var before = timeTravel.at(caseId, start)
                .orElseThrow(() -> new NotFoundException("No case " + caseId + " in the event store"));
        var after = timeTravel.at(caseId, end).orElseThrow();
        // the history's range is [from, to): one microsecond (PostgreSQL's resolution) on both ends makes it
        // (from, to]
        var between = audit.history(caseId, new HistoryFilter(start.plus(1, ChronoUnit.MICROS),
                end.plus(1, ChronoUnit.MICROS), List.of(), null), 0, 1000).orElse(List.of());
        looked(caseId, "CHANGES", start + " to " + end);
        return new Changes(before, after, between);
    }

    @GET
    @Path("/cases/{caseId}/timeline")
    @Operation(operationId = "getCaseTimeline",
            summary = "A case's life as periods and moments", description = "Each status the case had and when, "
            + "its legal holds, its decisions, and each evidence request from issue to its end with every due moment "
            + "it had and when it fell overdue; rebuilt by replaying the events, as the state is.")
    public CaseTimeline timeline(@PathParam("caseId") String caseId) throws SQLException, IOException {
        var timeline = timeTravel.timeline(caseId)
                .orElseThrow(() -> new NotFoundException("No case " + caseId + " in the event store"));
        looked(caseId, "TIMELINE", timeline.statuses().size() + " status periods, " + timeline.requests().size()
                + " requests");
        return timeline;
    }

    @GET
    @Path("/cases/{caseId}/verification")
    @Operation(operationId = "verifyCase",
            summary = "Verify a case's events against their hash chains",
            description = "intact, or the first event whose hash or chain does not match, with why.")
    public Verification verifyCase(@PathParam("caseId") String caseId) throws SQLException {
        var verification = audit.verifyCase(caseId)
                .orElseThrow(() -> new NotFoundException("No case " + caseId + " in the event store"));
        looked(caseId, "VERIFICATION", verification.intact() ? "intact" : "problem found");
        return verification;
    }

    @GET
    @Path("/verification")
    @Operation(operationId = "verifyStore",
            summary = "Verify the whole event store", description = "Aggregate by aggregate (progress in the "
            + "log); stops at the first problem.")
    public Verification verifyStore() throws SQLException {
        var verification = audit.verifyStore();
        looked(null, "STORE_VERIFICATION", verification.intact() ? "intact" : "problem found");
        return verification;
    }

    @GET
    @Path("/cases/{caseId}/bundle")
    @Produces("application/zip")
    @Operation(operationId = "exportCaseBundle",
            summary = "Export the case as one ZIP an outside auditor verifies offline", description = "Events "
            + "(NDJSON, as stored, with their chain hashes), evidence manifest, the signed checkpoint covering them, "
            + "Merkle proofs, public key, formal notices, a report for people (report.html, report.pdf: the case, "
            + "its history in words, decisions, evidence with SHA-256, the verification at export with the key's "
            + "fingerprint), a README, and the list of every file with its SHA-256 signed with the checkpoint key "
            + "(contents.sha256, contents.sig). With files=true, the evidence files too, streamed from "
            + "evidence-service as the caller (each download is recorded there) and hashed on the way; one that "
            + "differs from its submission event is named in the report and fails the verifier. Check it with "
            + "audit-verifier.jar. 409 when the newest events are too young for a checkpoint yet.")
    @APIResponse(responseCode = "200", description = "The bundle", content = @Content(mediaType =
            "application/zip", schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "409", description = "The newest events are not yet covered by a checkpoint")
    public Response bundle(@PathParam("caseId") String caseId,
                           @QueryParam("files") @Parameter(description = "true: include the evidence files "
                                   + "(default false: their SHA-256 only)", schema = @Schema(type = SchemaType.STRING,
                                   enumeration = {"true", "false"})) String files)
            throws SQLException, IOException {
        boolean withFiles = Boolean.TRUE.equals(Params.bool("files", files));
        BundleExport.Prepared prepared;
        try {
            prepared = bundles.prepare(caseId, withFiles, exporter())
                    .orElseThrow(() -> new NotFoundException("No case " + caseId + " in the event store"));
        } catch (BundleExport.NotYetCovered | Checkpoints.LeavesAltered e) {
            throw RuleViolation.conflict(e.getMessage());
        }
        looked(caseId, "EXPORT", prepared.events().size() + " events, checkpoint at "
                + prepared.checkpoint().position() + (withFiles ? ", with the evidence files" : ""));
        StreamingOutput zip = out -> bundles.write(prepared, out);
        return Response.ok(zip, "application/zip")
                .header("Content-Disposition", "attachment; filename=\"case-" + caseId.replaceAll("[^A-Za-z0-9-]", "_")
                        + "-bundle.zip\"").build();
    }

    /** "Ada Auditor (auditor)": the exporter as the report names them. */
    private String exporter() {
        Caller me = caller.get();
        List<String> roles = me.roles().stream().filter(r -> r.equals("auditor") || r.equals("supervisor")).sorted()
                .toList();
        return (me.name() == null ? me.subject() : me.name()) + (roles.isEmpty() ? "" : " (" + String.join(", ", roles)
                + ")");
    }

    @GET
    @Path("/cases/{caseId}/access")
    @Operation(operationId = "listCaseAccess",
            summary = "Who looked at a case's page, history, state, timeline, verification or export, and when",
            description = "Newest first. Each look is an event of the case's reads in the hash-chained store: "
                    + "`onRecord` says so (false for looks kept before), `intact` that the reads' chain verifies up to "
                    + "it.")
    public List<Access> accessed(@PathParam("caseId") String caseId) throws SQLException {
        return access.ofCase(caseId);
    }

    private void looked(String caseId, String what, String detail) throws SQLException {
        Caller me = caller.get();
        access.record(caseId, what, detail, me);
    }

    /** The event classes the simple names denote; a name that is no kind of event is refused, not matched to none. */
    private static List<String> kinds(List<String> names) {
        if (names == null) {
            return List.of();
        }
        List<String> kinds = new ArrayList<>();
        for (String name : names) {
            if (name == null || name.isBlank()) {
                continue;
            }
            kinds.add(EventKinds.byName(name.strip()).map(Class::getName).orElseThrow(() -> RuleViolation
                    .unprocessable("type", "No kind of event is called \"" + abbreviated(name.strip())
                            + "\"; the kinds are " + String.join(", ", EventKinds.names()))));
        }
        return kinds;
    }

    private static String abbreviated(String text) {
        return text.length() > 60 ? text.substring(0, 60) + "…" : text;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
