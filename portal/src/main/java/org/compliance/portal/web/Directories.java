package org.compliance.portal.web;

import jakarta.enterprise.context.RequestScoped;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.compliance.api.cases.views.OrganisationEntry;
import org.compliance.api.cases.views.StaffEntry;
import org.compliance.portal.backend.CasesClient;
import org.compliance.portal.backend.ServiceProblem;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Organisations and staff chosen by name in a form (the pickers offer names; commands name aliases and user ids).
 * A name that is not exactly one entry's is a field error for the field that named it, collected so that a form
 * shows every such mistake at once.
 */
@RequestScoped
public class Directories {

    /** How many entries a picker offers before the user types. */
    static final int OFFERED = 50;

    private final CasesClient cases;

    public Directories(@RestClient CasesClient cases) {
        this.cases = cases;
    }

    List<OrganisationEntry> organisations() {
        return cases.organisations(null, OFFERED);
    }

    List<StaffEntry> staff() {
        return cases.staff(null, OFFERED);
    }

    /**
     * The staff a picker offers where the page is about something else (the case list): none when the directory does
     * not answer, so that the page still shows; a name typed is still looked up when the form is sent.
     */
    List<StaffEntry> staffIfAnswering() {
        try {
            return staff();
        } catch (ServiceProblem unavailable) {
            return List.of();
        }
    }

    /** The organisation called {@code name} (or with that alias), or an error for {@code field} in {@code errors}. */
    Optional<OrganisationEntry> organisation(String name, String field, List<ServiceProblem.FieldError> errors) {
        String wanted = name.strip();
        var found = cases.organisations(wanted, OFFERED).stream()
                .filter(o -> o.name().equalsIgnoreCase(wanted) || o.alias().equals(wanted)).findFirst();
        if (found.isEmpty()) {
            errors.add(new ServiceProblem.FieldError(field, "No organisation is called “" + wanted
                    + "”; choose one of the names offered."));
        }
        return found;
    }

    /** The member of staff called {@code name}, or an error for {@code field} in {@code errors}. */
    Optional<StaffEntry> staffMember(String name, String field, List<ServiceProblem.FieldError> errors) {
        String wanted = name.strip();
        var matching = cases.staff(wanted, OFFERED).stream()
                .filter(s -> s.name().toLowerCase(Locale.ROOT).equals(wanted.toLowerCase(Locale.ROOT))).toList();
        if (matching.size() != 1) {
            errors.add(new ServiceProblem.FieldError(field, matching.isEmpty()
                    ? "No investigator or supervisor is called “" + wanted + "”; choose one of the names offered."
                    : "More than one member of staff is called “" + wanted + "”; ask an administrator."));
            return Optional.empty();
        }
        return Optional.of(matching.get(0));
    }
}
