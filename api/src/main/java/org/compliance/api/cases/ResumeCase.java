package org.compliance.api.cases;

/** Resumes a suspended case where it stood. */
public record ResumeCase(String caseId) implements CaseCommand {
}
