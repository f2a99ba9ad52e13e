package org.compliance.cases.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.compliance.api.cases.CaseDocument;
import org.compliance.api.cases.CaseStatus;
import org.compliance.api.cases.DecisionIssued;
import org.compliance.api.cases.EnforcementNotice;
import org.compliance.api.cases.MonetaryPenalty;
import org.compliance.api.cases.Respondent;
import org.compliance.api.cases.views.CaseListItem;
import org.compliance.api.cases.views.DecisionView;
import org.compliance.api.cases.views.Note;
import org.compliance.api.cases.views.RespondentAllegation;
import org.compliance.api.cases.views.RespondentCaseView;
import org.compliance.api.cases.views.RespondentListItem;
import org.compliance.cases.query.CaseNoteRow;
import org.compliance.cases.query.CaseViewRow;
import org.compliance.platform.axon.EventSerialization;

/** What the API shows of cases, per audience (the records are in the api module's cases.views). */
public final class CaseViews {

    private static final ObjectMapper JSON = EventSerialization.storageObjectMapper();

    private CaseViews() {
    }

    static CaseListItem listItem(CaseViewRow r) {
        return new CaseListItem(r.caseId, r.title, r.status, r.authority, r.priority, r.confidentiality,
                r.respondentNames, r.leadInvestigatorName, r.legalHold, r.awaitingOverdueEvidence, r.openedAt,
                r.updatedAt);
    }

    static RespondentListItem respondentListItem(CaseViewRow r) {
        return new RespondentListItem(r.caseId, r.title, r.status, r.authority, r.openedAt);
    }

    static Note note(CaseNoteRow n) {
        return new Note(n.noteId, n.text, n.authorId, n.authorName, n.addedAt);
    }

    /**
     * The decision as respondent {@code own} reads it: public reasons only. A case-wide penalty on a case with
     * several respondents (every penalty before decisions had addressees) leaves out the turnover and the cap it
     * was based on: they are one company's figures.
     */
    private static DecisionView decision(CaseDocument c, String own) {
        DecisionIssued d = c.decisionFor(own);
        if (d == null) {
            return null;
        }
        MonetaryPenalty penalty = d.monetaryPenalty();
        if (penalty != null && d.addresseeOrganisationAlias() == null && c.respondents.size() > 1) {
            penalty = new MonetaryPenalty(penalty.amount(), penalty.currency(), null, null, penalty.regime(), null,
                    null, null);
        }
        String addressee = d.addresseeOrganisationAlias() == null ? null : c.respondents.stream()
                .filter(r -> r.organisationAlias().equals(own)).map(Respondent::name).findFirst().orElse(own);
        // which data subjects the steps name is staff's business, not the addressee's
        EnforcementNotice notice = d.enforcementNotice() == null ? null
                : new EnforcementNotice(d.enforcementNotice().stepsRequired(), d.enforcementNotice().complianceDate());
        return new DecisionView(d.kind().name(), d.reasons(), notice, penalty, d.issuedAt(), addressee);
    }

    static CaseDocument document(CaseViewRow row) {
        try {
            CaseDocument document = JSON.readValue(row.document, CaseDocument.class);
            document.readStoredBeforeAddressees();
            return document;
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
        DecisionView decision = decision(d, own);
        boolean closed = d.status == CaseStatus.CLOSED;
        boolean referred = d.referral != null && (d.status == CaseStatus.REFERRED || closed && decision == null);
        return new RespondentCaseView(d.caseId, d.title, d.authority, d.status.name(), d.legalBases, own,
                allegations, decision, closed ? d.publicClosingReason : null,
                referred ? d.referral.authority() : null, referred ? d.referral.publicReason() : null,
                d.openedAt, d.version);
    }
}
