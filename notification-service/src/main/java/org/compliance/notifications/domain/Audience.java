package org.compliance.notifications.domain;

/** Who a notice is for, as the rules name them; the application turns each into people. */
public sealed interface Audience {

    /** Every user of an organisation (a respondent or complainant company). */
    record Organisation(String alias) implements Audience {
    }

    /** The users of the organisation an evidence request is addressed to. */
    record RequestRespondent(String requestId) implements Audience {
    }

    /** One person, by user id. */
    record Person(String userId) implements Audience {
    }

    /** Everyone holding a realm role, such as the supervisors. */
    record Role(String name) implements Audience {
    }

    /** The lead investigator of a case. */
    record CaseLead(String caseId) implements Audience {
    }

    /** The lead investigator and the team of a case. */
    record CaseTeam(String caseId) implements Audience {
    }

    /** The users of a case's respondent and complainant organisations. */
    record CaseParties(String caseId) implements Audience {
    }
}
