package org.compliance.cases.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.compliance.api.cases.DecisionIssued;
import org.compliance.api.cases.EnforcementNotice;
import org.compliance.api.cases.MonetaryPenalty;
import org.compliance.api.cases.CaseDocument;
import org.compliance.cases.query.CaseNoteRow;
import org.compliance.cases.query.CaseViewRow;
import org.compliance.platform.axon.EventSerialization;

/** What the API shows of cases, per audience. */
public final class CaseViews {

    private static final ObjectMapper JSON = EventSerialization.storageObjectMapper();

    private CaseViews() {
    }

    /** One line of the staff case list. */
    public record CaseListItem(String caseId, String title, String status, String authority, String priority,
                               String confidentiality, String respondents, String leadInvestigatorName,
                               boolean legalHold, boolean awaitingOverdueEvidence, Instant openedAt,
                               Instant updatedAt) {
        static CaseListItem of(CaseViewRow r) {
            return new CaseListItem(r.caseId, r.title, r.status, r.authority, r.priority, r.confidentiality,
                    r.respondentNames, r.leadInvestigatorName, r.legalHold, r.awaitingOverdueEvidence, r.openedAt,
                    r.updatedAt);
        }
    }

    /** One line of a company's case list: its own cases, without staff-only fields. */
    public record RespondentListItem(String caseId, String title, String status, String authority,
                                     Instant openedAt) {
        static RespondentListItem of(CaseViewRow r) {
            return new RespondentListItem(r.caseId, r.title, r.status, r.authority, r.openedAt);
        }
    }

    public record Page<T>(List<T> items, int page, int size) {
    }

    public record Note(String noteId, String text, String authorId, String authorName, Instant addedAt) {
        static Note of(CaseNoteRow n) {
            return new Note(n.noteId, n.text, n.authorId, n.authorName, n.addedAt);
        }
    }

    /**
     * What a respondent is told about a case against it: who runs it, where it stands, what is alleged, and
     * the decision once issued. Never the team, notes, complainants, priority or confidentiality.
     */
    public record RespondentCaseView(String caseId, String title, String authority, String status,
                                     List<String> legalBases, String yourOrganisation,
                                     List<RespondentAllegation> allegations, DecisionView decision,
                                     Instant openedAt, long version) {
    }

    public record RespondentAllegation(String allegationId, String legalBasis, String description,
                                       LocalDate conductFrom, LocalDate conductTo) {
    }

    public record DecisionView(String kind, String reasons, EnforcementNotice enforcementNotice,
                               MonetaryPenalty monetaryPenalty, Instant issuedAt) {
        static DecisionView of(DecisionIssued d) {
            return d == null ? null : new DecisionView(d.kind().name(), d.reasons(), d.enforcementNotice(),
                    d.monetaryPenalty(), d.issuedAt());
        }
    }

    static CaseDocument document(CaseViewRow row) {
        try {
            return JSON.readValue(row.document, CaseDocument.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Case view of " + row.caseId + " is unreadable", e);
        }
    }

    static RespondentCaseView forRespondent(CaseViewRow row, List<String> callerOrganisations) {
        CaseDocument d = document(row);
        String own = d.respondents.stream().map(r -> r.organisationAlias()).filter(callerOrganisations::contains)
                .findFirst().orElseThrow();
        List<RespondentAllegation> allegations = d.allegations.stream().filter(a -> !a.withdrawn())
                .map(a -> new RespondentAllegation(a.allegation().allegationId(), a.allegation().legalBasis(),
                        a.allegation().description(), a.allegation().conductFrom(), a.allegation().conductTo()))
                .toList();
        return new RespondentCaseView(d.caseId, d.title, d.authority, d.status.name(), d.legalBases, own,
                allegations, DecisionView.of(d.decision), d.openedAt, d.version);
    }
}
