package org.compliance.cases.query;

import java.util.List;

/**
 * Who is reading, as far as visibility goes: supervisors and auditors see every case; investigators every
 * STANDARD case and the RESTRICTED ones they lead or are on the team of; companies only the cases where
 * one of their organisations is a respondent.
 */
public sealed interface Viewer {

    record AllCases() implements Viewer {
    }

    record Investigator(String userId) implements Viewer {
    }

    record Company(List<String> organisations) implements Viewer {
    }
}
