package org.compliance.cases.domain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.compliance.platform.domain.RuleViolation;

/**
 * The penalty regimes of this installation (shipped as {@code penalty-regimes.json}, replaceable by configuration),
 * and each authority's default: the regime a penalty that names none is imposed under.
 */
public record PenaltyRegimes(List<PenaltyRegime> regimes, Map<String, String> defaults) {

    public PenaltyRegimes {
        regimes = List.copyOf(regimes);
        defaults = Map.copyOf(defaults == null ? Map.of() : defaults);
        Map<String, PenaltyRegime> byId = new LinkedHashMap<>();
        for (PenaltyRegime regime : regimes) {
            if (byId.put(regime.id(), regime) != null) {
                throw new IllegalArgumentException("penalty regime " + regime.id() + " is listed twice");
            }
        }
        defaults.forEach((authority, id) -> {
            PenaltyRegime regime = byId.get(id);
            if (regime == null || !regime.usableBy(authority)) {
                throw new IllegalArgumentException("the default penalty regime of " + authority + ", " + id
                        + ", is not a regime it may use");
            }
        });
    }

    public Optional<PenaltyRegime> byId(String id) {
        return regimes.stream().filter(r -> r.id().equals(id)).findFirst();
    }

    /** The regimes an authority may impose penalties under, in table order. */
    public List<PenaltyRegime> usableBy(String authority) {
        return regimes.stream().filter(r -> r.usableBy(authority)).toList();
    }

    /** The regime a penalty of a case run by {@code authority} is imposed under: the one named, else the default. */
    PenaltyRegime require(String authority, String regimeId) {
        List<String> allowed = usableBy(authority).stream().map(PenaltyRegime::id).toList();
        if (regimeId == null) {
            String fallback = defaults.get(authority);
            if (fallback == null) {
                throw RuleViolation.unprocessable(allowed.isEmpty()
                        ? authority + " has no penalty regime; it cannot impose a monetary penalty"
                        : "A penalty by " + authority + " names its regime: one of " + allowed);
            }
            regimeId = fallback;
        }
        String id = regimeId;
        return byId(id).filter(r -> r.usableBy(authority)).orElseThrow(() -> RuleViolation.unprocessable(
                "Penalty regime '" + id + "' is not one " + authority + " may use; it may use "
                        + (allowed.isEmpty() ? "none" : allowed.toString())));
    }
}
