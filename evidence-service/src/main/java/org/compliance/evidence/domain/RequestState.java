package org.compliance.evidence.domain;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.compliance.api.evidence.EvidenceFile;
import org.compliance.api.evidence.EvidenceRequestIssued;

/**
 * What the rules know of one evidence request, as its events left it ({@link EvidenceRules#evolve}). Immutable;
 * plain Java.
 */
public record RequestState(String requestId, String caseId, String respondent, RequestStatus status, Instant dueAt,
                           boolean acknowledged, boolean extensionPending, Set<String> submissions,
                           Map<String, EvidenceFile> files, Set<Instant> overdueFor, Set<String> remindersSent,
                           Instant clockStoppedAt, boolean awaitingReview, int itemCount) {

    public RequestState {
        submissions = Set.copyOf(submissions);
        files = Map.copyOf(files);
        overdueFor = Set.copyOf(overdueFor);
        remindersSent = Set.copyOf(remindersSent);
    }

    static RequestState issued(EvidenceRequestIssued e) {
        return new RequestState(e.requestId(), e.caseId(), e.respondentOrganisationAlias(), RequestStatus.OPEN,
                e.dueAt(), false, false, Set.of(), Map.of(), Set.of(), Set.of(), null, false,
                e.items() == null ? 0 : e.items().size());
    }

    RequestState withStatus(RequestStatus value) {
        return new RequestState(requestId, caseId, respondent, value, dueAt, acknowledged, extensionPending,
                submissions, files, overdueFor, remindersSent, clockStoppedAt, awaitingReview, itemCount);
    }

    RequestState withDueAt(Instant value) {
        return new RequestState(requestId, caseId, respondent, status, value, acknowledged, extensionPending,
                submissions, files, overdueFor, remindersSent, clockStoppedAt, awaitingReview, itemCount);
    }

    RequestState withAcknowledged() {
        return new RequestState(requestId, caseId, respondent, status, dueAt, true, extensionPending, submissions,
                files, overdueFor, remindersSent, clockStoppedAt, awaitingReview, itemCount);
    }

    RequestState withExtensionPending(boolean value) {
        return new RequestState(requestId, caseId, respondent, status, dueAt, acknowledged, value, submissions,
                files, overdueFor, remindersSent, clockStoppedAt, awaitingReview, itemCount);
    }

    RequestState withSubmission(String submissionId, Iterable<EvidenceFile> submitted) {
        Set<String> moreSubmissions = new LinkedHashSet<>(submissions);
        moreSubmissions.add(submissionId);
        Map<String, EvidenceFile> moreFiles = new LinkedHashMap<>(files);
        submitted.forEach(f -> moreFiles.put(f.fileId(), f));
        return new RequestState(requestId, caseId, respondent, status, dueAt, acknowledged, extensionPending,
                moreSubmissions, moreFiles, overdueFor, remindersSent, clockStoppedAt, true, itemCount);
    }

    RequestState withOverdueRecorded(Instant due) {
        Set<Instant> more = new LinkedHashSet<>(overdueFor);
        more.add(due);
        return new RequestState(requestId, caseId, respondent, status, dueAt, acknowledged, extensionPending,
                submissions, files, more, remindersSent, clockStoppedAt, awaitingReview, itemCount);
    }

    RequestState withReminderSent(Instant due, int daysBefore) {
        Set<String> more = new LinkedHashSet<>(remindersSent);
        more.add(reminderKey(due, daysBefore));
        return new RequestState(requestId, caseId, respondent, status, dueAt, acknowledged, extensionPending,
                submissions, files, overdueFor, more, clockStoppedAt, awaitingReview, itemCount);
    }

    /** After a request for more evidence the respondent answers again: no submission awaits review. */
    RequestState withMoreAsked(Instant newDueAt) {
        return new RequestState(requestId, caseId, respondent, status, newDueAt, acknowledged, extensionPending,
                submissions, files, overdueFor, remindersSent, clockStoppedAt, false, itemCount);
    }

    RequestState withClockStopped(Instant at) {
        return new RequestState(requestId, caseId, respondent, status, dueAt, acknowledged, extensionPending,
                submissions, files, overdueFor, remindersSent, at, awaitingReview, itemCount);
    }

    RequestState withClockRestarted(Instant newDueAt) {
        return new RequestState(requestId, caseId, respondent, status, newDueAt, acknowledged, extensionPending,
                submissions, files, overdueFor, remindersSent, null, awaitingReview, itemCount);
    }

    boolean clockStopped() {
        return clockStoppedAt != null;
    }

    /** Whether the due moment has passed at {@code now}: never while the clock is stopped (it stopped before it). */
    boolean duePassed(Instant now) {
        return !clockStopped() && now.isAfter(dueAt);
    }

    /** Whether {@code item} numbers one of the items the request asks for (from 1). */
    boolean hasItem(int item) {
        return item >= 1 && item <= itemCount;
    }

    boolean hasSubmission(String submissionId) {
        return submissions.contains(submissionId);
    }

    int submissionCount() {
        return submissions.size();
    }

    EvidenceFile file(String fileId) {
        return files.get(fileId);
    }

    boolean overdueRecordedFor(Instant due) {
        return overdueFor.contains(due);
    }

    boolean reminderSent(Instant due, int daysBefore) {
        return remindersSent.contains(reminderKey(due, daysBefore));
    }

    private static String reminderKey(Instant due, int daysBefore) {
        return due + "/" + daysBefore;
    }
}
