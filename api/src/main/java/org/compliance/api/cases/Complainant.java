package org.compliance.api.cases;

import org.compliance.api.shared.PersonalData;

/**
 * Who complained: an organisation (with its Keycloak alias when it has one) or a person. A person is a data subject
 * ({@code dataSubject}, given by case-service when the complainant joins the case): their name is stored sealed under
 * their key and reads {@link PersonalData#ERASED} once they are erased.
 */
public record Complainant(String complainantId, Kind kind, @PersonalData(subjectsIn = "dataSubject") String name,
                          String organisationAlias, String dataSubject) {

    public enum Kind { ORGANISATION, PERSON }

    public Complainant(String complainantId, Kind kind, String name, String organisationAlias) {
        this(complainantId, kind, name, organisationAlias, null);
    }

    /** This complainant on case {@code caseId}: a person becomes the data subject {@code <caseId>/<complainantId>}. */
    public Complainant onCase(String caseId) {
        return new Complainant(complainantId, kind, name, organisationAlias,
                kind == Kind.PERSON ? caseId + "/" + complainantId : null);
    }

    /** This complainant with their name erased. */
    public Complainant erased() {
        return new Complainant(complainantId, kind, PersonalData.ERASED, organisationAlias, dataSubject);
    }
}
