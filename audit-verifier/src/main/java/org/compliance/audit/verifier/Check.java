package org.compliance.audit.verifier;

import java.util.ArrayList;
import java.util.List;

/**
 * The outcome of one check of a bundle, printed as its own line: valid, FAILED with each reason, or not checked
 * and why (a check that depends on a file or a result the bundle does not give).
 */
public record Check(String name, Result result, String detail, List<String> reasons) {

    public enum Result { VALID, FAILED, NOT_CHECKED }

    /** Valid when there are no reasons to fail, else failed with them. */
    static Check of(String name, String detail, List<String> reasons) {
        return new Check(name, reasons.isEmpty() ? Result.VALID : Result.FAILED, detail, List.copyOf(reasons));
    }

    static Check notChecked(String name, String because) {
        return new Check(name, Result.NOT_CHECKED, because, List.of());
    }

    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        switch (result) {
            case VALID -> lines.add(name + ": valid (" + detail + ")");
            case FAILED -> lines.add(name + ": FAILED (" + detail + ")");
            case NOT_CHECKED -> lines.add(name + ": not checked because " + detail);
        }
        reasons.forEach(reason -> lines.add("  - " + reason));
        return lines;
    }
}
