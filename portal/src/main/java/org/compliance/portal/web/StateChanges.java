package org.compliance.portal.web;

import io.quarkus.qute.TemplateData;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.compliance.api.audit.EventKinds;
import org.compliance.api.evidence.RequestSubjects;

/**
 * What one event changed: the case and its requests as audit-service rebuilt them just before the event and just
 * after it ({@code AsOf}, as answered), laid flat into named fields and compared. Only fields whose value differs are
 * kept, in the order the services' documents declare them. The folds stay in audit-service; this only compares.
 */
final class StateChanges {

    /** One field the event changed, its value before and after ("" for none). */
    @TemplateData
    record Change(String field, String before, String after) {
    }

    /** Bookkeeping that moves with every event and says nothing about what the event did. */
    private static final Set<String> UNCHANGING_OR_BOOKKEEPING = Set.of("version", "updatedAt", "caseId", "requestId");
    private static final Pattern INSTANT = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d(:\\d\\d(\\.\\d+)?)?Z");
    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9]*(_[A-Z0-9]+)+");
    /** A one-word code (OPEN, HIGH) is read as one only in the fields that hold codes: "ICO" stays "ICO". */
    private static final Pattern ONE_WORD_CODE = Pattern.compile("[A-Z]+");
    private static final Pattern CODE_FIELD = Pattern.compile(".*\\b(Status|Priority|Confidentiality|Kind|Outcome"
            + "|Status before suspension)$");

    private StateChanges() {
    }

    /** The changed fields between two states (each an {@code AsOf} as answered; null for "nothing yet"). */
    static List<Change> between(Object before, Object after) {
        Map<String, String> was = flat(before);
        Map<String, String> is = flat(after);
        Set<String> fields = new LinkedHashSet<>(was.keySet());
        fields.addAll(is.keySet());
        List<Change> changes = new ArrayList<>();
        for (String field : fields) {
            String old = was.getOrDefault(field, "");
            String now = is.getOrDefault(field, "");
            if (!Objects.equals(old, now)) {
                changes.add(new Change(field, old, now));
            }
        }
        return changes;
    }

    private static Map<String, String> flat(Object asOf) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (!(asOf instanceof Map<?, ?> state)) {
            return fields;
        }
        if (state.get("caseFile") instanceof Map<?, ?> caseFile) {
            lay("Case", caseFile, fields);
        }
        if (state.get("requests") instanceof List<?> requests) {
            for (Object request : requests) {
                if (request instanceof Map<?, ?> r) {
                    lay("Request \u201c" + subject(r) + "\u201d (" + r.get("organisationAlias") + ")", r, fields);
                }
            }
        }
        return fields;
    }

    /** A request as people know it: its subject, as evidence-service names it everywhere. */
    static String subject(Map<?, ?> request) {
        List<?> items = request.get("items") instanceof List<?> list ? list : List.of();
        return RequestSubjects.of(items.isEmpty() ? null : String.valueOf(items.getFirst()), items.size());
    }

    private static void lay(String prefix, Object value, Map<String, String> fields) {
        switch (value) {
            case null -> {
            }
            case Map<?, ?> map -> map.forEach((key, inner) -> {
                if (!UNCHANGING_OR_BOOKKEEPING.contains(String.valueOf(key))) {
                    lay(prefix + " \u203a " + EventKinds.words(String.valueOf(key)), inner, fields);
                }
            });
            case List<?> list when list.stream().noneMatch(e -> e instanceof Map<?, ?> || e instanceof List<?>) -> {
                if (!list.isEmpty()) {
                    fields.put(prefix, String.join(", ", list.stream().map(v -> shown(prefix, v)).toList()));
                }
            }
            case List<?> list -> {
                for (int i = 0; i < list.size(); i++) {
                    lay(prefix + " " + (i + 1), list.get(i), fields);
                }
            }
            default -> fields.put(prefix, shown(prefix, value));
        }
    }

    /** Moments in UK time, codes (DECISION_ISSUED) in words, yes and no for flags; anything else as it is. */
    private static String shown(String field, Object value) {
        String text = String.valueOf(value);
        if (value instanceof Boolean flag) {
            return flag ? "yes" : "no";
        }
        if (INSTANT.matcher(text).matches()) {
            return Formats.london(text);
        }
        if (CODE.matcher(text).matches()
                || ONE_WORD_CODE.matcher(text).matches() && CODE_FIELD.matcher(field).matches()) {
            return Formats.label(text);
        }
        return text;
    }
}
