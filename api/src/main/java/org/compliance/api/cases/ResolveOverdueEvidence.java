package org.compliance.api.cases;

/** Tells the case that an evidence request it recorded as overdue no longer is. */
public record ResolveOverdueEvidence(String caseId, String requestId, OverdueEvidenceResolution resolution)
        implements CaseCommand {
}
