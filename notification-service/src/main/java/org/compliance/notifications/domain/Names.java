package org.compliance.notifications.domain;

import java.util.Optional;

/**
 * What notices call things by, in place of the identifiers events carry: a case's title and an organisation's
 * display name. The application answers from the case roster and the directory.
 */
public interface Names {

    /** The case's title, when its opening has been seen. */
    Optional<String> caseTitle(String caseId);

    /** The organisation's display name; its alias when no name is known. */
    String organisation(String alias);
}
