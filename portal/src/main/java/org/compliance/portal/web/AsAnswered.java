package org.compliance.portal.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * A service's answer as the templates read it: the record as its JSON (plain maps, lists, text and numbers), the
 * shape the pages were written against ({@code {c.status == 'CLOSED'}}, {@code {c.openedAt.london}}), so that the
 * typed answers render exactly as the services' JSON always did.
 */
@ApplicationScoped
public class AsAnswered {

    private final ObjectMapper json;

    public AsAnswered(ObjectMapper json) {
        this.json = json;
    }

    public Object of(Object answer) {
        return answer == null ? null : json.convertValue(answer, Object.class);
    }
}
