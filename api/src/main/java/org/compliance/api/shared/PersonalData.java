package org.compliance.api.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A text about people (a person's name, a note that names one): the event store keeps it sealed under the keys of the
 * data subjects it concerns, so that erasing a subject destroys their key and the text reads {@link #ERASED} while
 * the hash chain, which covers the sealed form, still verifies (decision 29). The sealing is platform's, bound to the
 * serializer of events and snapshots; views and answers carry the text in clear.
 */
@Documented
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface PersonalData {

    /** What an erased subject's text reads as, wherever it appears. */
    String ERASED = "[erased]";

    /**
     * The accessor of the same record that names the data subjects: a String (one subject, or null for none) or a
     * collection of them. With none, the text is stored in clear (an organisation's name, a note naming nobody).
     */
    String subjectsIn();
}
