package org.compliance.api.cases;

import org.compliance.api.shared.PersonalData;

/**
 * Someone the case names who is not a party: a witness, an employee of a respondent, a person the conduct concerned
 * ({@code role} says which, in staff's words). A data subject of the case ({@code dataSubject}, given by case-service):
 * their name, and every text of the case that names them, are stored sealed under their key and read
 * {@link PersonalData#ERASED} once they are erased.
 */
public record NamedPerson(String personId, @PersonalData(subjectsIn = "dataSubject") String name, String role,
                          String dataSubject) {

    /** This person on case {@code caseId}: the data subject {@code <caseId>/<personId>}. */
    public NamedPerson onCase(String caseId) {
        return new NamedPerson(personId, name, role, caseId + "/" + personId);
    }

    public NamedPerson erased() {
        return new NamedPerson(personId, PersonalData.ERASED, role, dataSubject);
    }
}
