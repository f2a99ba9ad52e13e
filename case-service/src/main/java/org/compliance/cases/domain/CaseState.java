package org.compliance.cases.domain;

import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.compliance.api.cases.Allegation;
import org.compliance.api.cases.CaseOpened;
import org.compliance.api.cases.CaseStatus;
import org.compliance.api.cases.Complainant;
import org.compliance.api.cases.Respondent;
import org.compliance.api.shared.PersonalData;
import org.compliance.api.shared.StaffMember;

/**
 * What the rules know of one case: folded from its events by {@link CaseRules#evolve}, decided on by
 * {@link CaseRules#decide}. Immutable; each event gives the next state.
 *
 * @param title                  the case's title (it names no person complainant)
 * @param authority              the authority that runs the case (its law sets the penalty regimes)
 * @param respondents            the current respondents, by organisation alias
 * @param complainants           the current complainants, by complainant id
 * @param allegations            the allegations not withdrawn, by id
 * @param withdrawnAllegations   the ids of withdrawn allegations (never reused, never amended)
 * @param team                   the team besides the lead, by user id
 * @param decided                a decision stands for every respondent: a case-wide one, or one for each
 *                               (reopening clears it)
 * @param decidedFor             the respondents (organisation aliases) with a decision addressed to them that stands
 *                               (reopening clears them)
 * @param referred               a referral stands (reopening clears it)
 * @param legalHold              the reason of the legal hold, {@code null} when there is none (sealed in snapshots
 *                               under the subjects it names, {@code legalHoldNamedSubjects})
 * @param overdueReported        every request and due moment ever reported overdue, so a repeated report changes
 *                               nothing
 * @param awaitingOverdue        the requests whose overdue evidence the case still awaits
 * @param notes                  the ids of the case's notes
 * @param people                 the case's data subjects: every complainant who is a person (withdrawn ones too)
 *                               and every person it names, by complainant or person id
 * @param erasedSubjects         the data subjects erased
 */
public record CaseState(String caseId, String title, String authority, CaseStatus status, CaseStatus statusBeforeSuspension,
                        Map<String, Respondent> respondents, Map<String, Complainant> complainants,
                        Map<String, Allegation> allegations, Set<String> withdrawnAllegations,
                        StaffMember leadInvestigator, Map<String, StaffMember> team, boolean decided,
                        Set<String> decidedFor, boolean referred,
                        @PersonalData(subjectsIn = "legalHoldNamedSubjects") String legalHold,
                        List<String> legalHoldNamedSubjects, Set<OverdueReport> overdueReported,
                        Set<String> awaitingOverdue, Set<String> notes, Map<String, Person> people,
                        Set<String> erasedSubjects) {

    /**
     * A data subject of the case: a complainant who is a person, or a person the case names. Their name is sealed in
     * snapshots as in events.
     */
    public record Person(String personId, @PersonalData(subjectsIn = "dataSubject") String name, String dataSubject) {

        static Person of(Complainant complainant, String caseId) {
            return new Person(complainant.complainantId(), complainant.name(), complainant.dataSubject() != null
                    ? complainant.dataSubject() : complainant.onCase(caseId).dataSubject());
        }

        Person erased() {
            return new Person(personId, PersonalData.ERASED, dataSubject);
        }
    }

    /** One report that a request's evidence was not in by its due moment. */
    public record OverdueReport(String requestId, Instant dueAt) {
    }

    public CaseState {
        respondents = ordered(respondents);
        complainants = ordered(complainants);
        allegations = ordered(allegations);
        withdrawnAllegations = ordered(withdrawnAllegations);
        team = ordered(team);
        decidedFor = ordered(decidedFor);
        overdueReported = ordered(overdueReported);
        awaitingOverdue = ordered(awaitingOverdue);
        notes = ordered(notes);
        legalHoldNamedSubjects = legalHoldNamedSubjects == null ? List.of() : List.copyOf(legalHoldNamedSubjects);
        // snapshots taken before data subjects existed have neither
        people = people == null ? Map.of() : ordered(people);
        erasedSubjects = erasedSubjects == null ? Set.of() : ordered(erasedSubjects);
    }

    /*
     * Copies that keep the order things happened in. Map.copyOf and Set.copyOf iterate in an order that changes from one
     * JVM to the next, and what the rules derive from the state (the subjects a text names, in its event) must not.
     */
    private static <K, V> Map<K, V> ordered(Map<K, V> map) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }

    private static <T> Set<T> ordered(Set<T> set) {
        return Collections.unmodifiableSet(new LinkedHashSet<>(set));
    }

    static CaseState opened(CaseOpened e) {
        Map<String, Respondent> respondents = new LinkedHashMap<>();
        e.respondents().forEach(r -> respondents.put(r.organisationAlias(), r));
        Map<String, Complainant> complainants = new LinkedHashMap<>();
        Map<String, Person> people = new LinkedHashMap<>();
        e.complainants().forEach(c -> {
            complainants.put(c.complainantId(), c);
            if (c.kind() == Complainant.Kind.PERSON) {
                people.put(c.complainantId(), Person.of(c, e.caseId()));
            }
        });
        Map<String, Allegation> allegations = new LinkedHashMap<>();
        e.allegations().forEach(a -> allegations.put(a.allegationId(), a));
        return new CaseState(e.caseId(), e.title(), e.authority(), CaseStatus.OPENED, null, respondents, complainants, allegations,
                Set.of(),
                e.leadInvestigator(), Map.of(), false, Set.of(), false, null, List.of(), Set.of(), Set.of(), Set.of(),
                people,
                Set.of());
    }

    /** The next state: this one with the changes one event makes. */
    CaseState with(Consumer<Next> change) {
        Next next = new Next(this);
        change.accept(next);
        return new CaseState(caseId, title, authority, next.status, next.statusBeforeSuspension, next.respondents,
                next.complainants,
                next.allegations, next.withdrawnAllegations, next.leadInvestigator, next.team, next.decided,
                next.decidedFor, next.referred, next.legalHold, next.legalHoldNamedSubjects, next.overdueReported,
                next.awaitingOverdue, next.notes, next.people, next.erasedSubjects);
    }

    boolean allegationWithdrawn(String allegationId) {
        return withdrawnAllegations.contains(allegationId);
    }

    boolean underLegalHold() {
        return legalHold != null;
    }

    boolean awaitingOverdueEvidence() {
        return !awaitingOverdue.isEmpty();
    }

    boolean awaitingOverdueEvidence(String requestId) {
        return awaitingOverdue.contains(requestId);
    }

    boolean overdueRecorded(String requestId, Instant dueAt) {
        return overdueReported.contains(new OverdueReport(requestId, dueAt));
    }

    /** Some respondents have their own decision, and not yet all of them. */
    boolean decidingPerRespondent() {
        return !decidedFor.isEmpty() && !decided;
    }

    boolean hasNote(String noteId) {
        return notes.contains(noteId);
    }

    /** The names of the case's data subjects not erased, by subject: what a text is searched for to seal it. */
    Map<String, String> namesBySubject() {
        Map<String, String> names = new LinkedHashMap<>();
        people.values().stream().filter(p -> !erasedSubjects.contains(p.dataSubject()))
                .forEach(p -> names.put(p.dataSubject(), p.name()));
        return names;
    }

    /** The data subjects not erased that any of {@code texts} names: the subjects those texts are sealed under. */
    List<String> subjectsNamedIn(String... texts) {
        return subjectsNamedIn(Arrays.asList(texts));
    }

    List<String> subjectsNamedIn(List<String> texts) {
        return NamedSubjects.in(namesBySubject(), texts);
    }

    /** The next state while one event changes it: a working copy that {@link #with} freezes again. */
    static final class Next {
        CaseStatus status;
        CaseStatus statusBeforeSuspension;
        final Map<String, Respondent> respondents;
        final Map<String, Complainant> complainants;
        final Map<String, Allegation> allegations;
        final Set<String> withdrawnAllegations;
        StaffMember leadInvestigator;
        final Map<String, StaffMember> team;
        boolean decided;
        final Set<String> decidedFor;
        boolean referred;
        String legalHold;
        List<String> legalHoldNamedSubjects;
        final Set<OverdueReport> overdueReported;
        final Set<String> awaitingOverdue;
        final Set<String> notes;
        final Map<String, Person> people;
        final Set<String> erasedSubjects;

        private Next(CaseState s) {
            status = s.status;
            statusBeforeSuspension = s.statusBeforeSuspension;
            respondents = new LinkedHashMap<>(s.respondents);
            complainants = new LinkedHashMap<>(s.complainants);
            allegations = new LinkedHashMap<>(s.allegations);
            withdrawnAllegations = new LinkedHashSet<>(s.withdrawnAllegations);
            leadInvestigator = s.leadInvestigator;
            team = new LinkedHashMap<>(s.team);
            decided = s.decided;
            decidedFor = new LinkedHashSet<>(s.decidedFor);
            referred = s.referred;
            legalHold = s.legalHold;
            legalHoldNamedSubjects = s.legalHoldNamedSubjects;
            overdueReported = new LinkedHashSet<>(s.overdueReported);
            awaitingOverdue = new LinkedHashSet<>(s.awaitingOverdue);
            notes = new LinkedHashSet<>(s.notes);
            people = new LinkedHashMap<>(s.people);
            erasedSubjects = new LinkedHashSet<>(s.erasedSubjects);
        }
    }
}
