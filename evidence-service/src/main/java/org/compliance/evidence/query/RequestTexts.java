package org.compliance.evidence.query;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.compliance.api.evidence.EvidenceClockStopped;
import org.compliance.api.evidence.EvidenceEvent;
import org.compliance.api.evidence.EvidenceRequestIssued;
import org.compliance.api.evidence.EvidenceRequestWithdrawn;
import org.compliance.api.evidence.EvidenceSubmitted;
import org.compliance.api.evidence.ExtensionRefused;
import org.compliance.api.evidence.ExtensionRequested;
import org.compliance.api.evidence.MoreEvidenceRequested;
import org.compliance.api.evidence.RequestDocument;
import org.compliance.api.evidence.ReviewNoteAdded;
import org.compliance.api.shared.PersonalData;

/**
 * Which data subjects the texts of a request's document name, by each text's place in it ({@code "issue"}: the items
 * and instructions; {@code "submission/<id>"}, {@code "extension/<i>"}, {@code "refusal/<i>"}, {@code "stillMissing"},
 * {@code "withdrawal"}, {@code "stop/<i>"}, {@code "note/<i>"}), as the events that wrote them recorded (decision 29).
 * Erasing a subject makes exactly those texts read {@link PersonalData#ERASED}: the texts the events store sealed
 * under that subject's key, so a view rebuilt from the store after the erasure reads the same.
 */
final class RequestTexts {

    private final Map<String, List<String>> subjectsByPlace;

    RequestTexts(Map<String, List<String>> subjectsByPlace) {
        this.subjectsByPlace = new LinkedHashMap<>(subjectsByPlace);
    }

    static RequestTexts none() {
        return new RequestTexts(Map.of());
    }

    Map<String, List<String>> subjectsByPlace() {
        return Collections.unmodifiableMap(subjectsByPlace);
    }

    /** Every subject some text names, each between spaces (as {@code request_view.named_subjects} keeps them). */
    String namedSubjects() {
        TreeSet<String> all = new TreeSet<>();
        subjectsByPlace.values().forEach(all::addAll);
        return all.isEmpty() ? " " : " " + String.join(" ", all) + " ";
    }

    /**
     * Folds {@code event} into {@code document} (which it must not have folded yet), noting the subjects its text
     * names at the text's place.
     */
    void apply(RequestDocument document, EvidenceEvent event) {
        int pendingExtension = lastPendingExtension(document);
        document.apply(event);
        switch (event) {
            case EvidenceRequestIssued e -> note("issue", e.namedSubjects());
            case EvidenceSubmitted e -> note("submission/" + e.submissionId(), e.namedSubjects());
            case ExtensionRequested e -> note("extension/" + (document.extensions.size() - 1), e.namedSubjects());
            case ExtensionRefused e -> {
                if (pendingExtension >= 0) {
                    note("refusal/" + pendingExtension, e.namedSubjects());
                }
            }
            case MoreEvidenceRequested e -> note("stillMissing", e.namedSubjects());
            case EvidenceRequestWithdrawn e -> note("withdrawal", e.namedSubjects());
            case EvidenceClockStopped e -> note("stop/" + (document.clockStops.size() - 1), e.namedSubjects());
            case ReviewNoteAdded e -> note("note/" + (document.reviewNotes.size() - 1), e.namedSubjects());
            default -> {
                // no text of a data subject
            }
        }
    }

    /** The document as it began with its issue, with the subjects its texts name. */
    static RequestDocument issued(EvidenceRequestIssued issued, RequestTexts texts) {
        RequestDocument document = RequestDocument.issued(issued);
        texts.note("issue", issued.namedSubjects());
        return document;
    }

    /** Makes every text of the document naming {@code subject} read erased; whether there was any. */
    boolean erase(RequestDocument d, String subject) {
        List<String> places = new ArrayList<>();
        subjectsByPlace.forEach((place, subjects) -> {
            if (subjects.contains(subject)) {
                places.add(place);
            }
        });
        for (String place : places) {
            eraseAt(d, place);
        }
        return !places.isEmpty();
    }

    private void note(String place, List<String> subjects) {
        if (subjects.isEmpty()) {
            // a text that replaced one naming subjects (a later "still missing") names none
            subjectsByPlace.remove(place);
        } else {
            subjectsByPlace.put(place, List.copyOf(subjects));
        }
    }

    private static void eraseAt(RequestDocument d, String place) {
        String erased = PersonalData.ERASED;
        int slash = place.indexOf('/');
        String kind = slash < 0 ? place : place.substring(0, slash);
        String at = slash < 0 ? "" : place.substring(slash + 1);
        switch (kind) {
            case "issue" -> {
                d.items.replaceAll(item -> erased);
                d.instructions = erased;
            }
            case "submission" -> d.submissions.replaceAll(s -> !s.submissionId().equals(at) ? s
                    : new RequestDocument.Submission(s.submissionId(), s.files(), erased, s.statementOfTruth(),
                    s.submittedBy(), s.submittedAt(), s.late()));
            case "extension", "refusal" -> {
                int i = Integer.parseInt(at);
                if (i < d.extensions.size()) {
                    RequestDocument.Extension x = d.extensions.get(i);
                    d.extensions.set(i, "extension".equals(kind)
                            ? new RequestDocument.Extension(erased, x.requestedBy(), x.requestedAt(), x.outcome(),
                            x.decisionReason(), x.newDueAt())
                            : new RequestDocument.Extension(x.reason(), x.requestedBy(), x.requestedAt(), x.outcome(),
                            erased, x.newDueAt()));
                }
            }
            case "stillMissing" -> d.stillMissing = erased;
            case "withdrawal" -> d.withdrawalReason = erased;
            case "stop" -> {
                int i = Integer.parseInt(at);
                if (i < d.clockStops.size()) {
                    RequestDocument.ClockStop s = d.clockStops.get(i);
                    RequestDocument.ClockStop stop = new RequestDocument.ClockStop(erased, s.stoppedBy(),
                            s.stoppedAt(), s.restartedBy(), s.restartedAt(), s.newDueAt());
                    d.clockStops.set(i, stop);
                    if (d.clockStopped != null && i == d.clockStops.size() - 1) {
                        d.clockStopped = stop;
                    }
                }
            }
            case "note" -> {
                int i = Integer.parseInt(at);
                if (i < d.reviewNotes.size()) {
                    RequestDocument.ReviewNote n = d.reviewNotes.get(i);
                    d.reviewNotes.set(i, new RequestDocument.ReviewNote(n.fileId(), n.sha256(), erased, n.notedBy(),
                            n.notedAt()));
                }
            }
            default -> throw new IllegalStateException("No text of a request is kept at " + place);
        }
    }

    private static int lastPendingExtension(RequestDocument d) {
        for (int i = d.extensions.size() - 1; i >= 0; i--) {
            if ("PENDING".equals(d.extensions.get(i).outcome())) {
                return i;
            }
        }
        return -1;
    }
}
