package org.compliance.notifications.application;

import java.util.Map;
import java.util.Optional;
import org.compliance.notifications.domain.Names;

/** The names one event's notices use: its case's title (from the roster) and the organisations' names. */
record EventNames(String caseId, Optional<String> title, Map<String, String> organisations) implements Names {

    @Override
    public Optional<String> caseTitle(String caseId) {
        return this.caseId.equals(caseId) ? title : Optional.empty();
    }

    @Override
    public String organisation(String alias) {
        return organisations.getOrDefault(alias, alias);
    }
}
