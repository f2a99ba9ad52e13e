package org.compliance.evidence.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.compliance.api.cases.Respondent;

/** A known case's respondents' names, kept as a JSON object from alias to name in {@code known_case}. */
public final class RespondentNames {

    private static final ObjectMapper JSON = new ObjectMapper();

    private RespondentNames() {
    }

    static String of(List<Respondent> respondents) {
        var names = new LinkedHashMap<String, String>();
        respondents.forEach(r -> names.put(r.organisationAlias(), r.name()));
        return write(names);
    }

    static String with(String names, Respondent added) {
        var all = new LinkedHashMap<>(read(names));
        all.put(added.organisationAlias(), added.name());
        return write(all);
    }

    /** The name the case gave the organisation, or its alias when the case never named it. */
    public static String nameOf(KnownCase known, String alias) {
        return known == null ? alias : read(known.respondentNames).getOrDefault(alias, alias);
    }

    private static Map<String, String> read(String names) {
        try {
            return names == null || names.isBlank() ? Map.of() : JSON.readValue(names, new TypeReference<>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("known_case.respondent_names is not a JSON object of names", e);
        }
    }

    private static String write(Map<String, String> names) {
        try {
            return JSON.writeValueAsString(names);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
