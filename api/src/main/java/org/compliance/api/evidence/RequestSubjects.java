package org.compliance.api.evidence;

/** What a person calls an evidence request, wherever it is listed: the first thing it asks for, and how many more. */
public final class RequestSubjects {

    private static final int SHOWN = 120;

    private RequestSubjects() {
    }

    /** From the request's first item and the number of its items (none: a plain "Evidence request"). */
    public static String of(String firstItem, int items) {
        if (firstItem == null || items == 0) {
            return "Evidence request";
        }
        String shown = firstItem.length() > SHOWN ? firstItem.substring(0, SHOWN - 1) + "…" : firstItem;
        return items == 1 ? shown : shown + " (and " + (items - 1) + " more)";
    }
}
