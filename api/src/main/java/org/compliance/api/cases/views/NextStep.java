package org.compliance.api.cases.views;

/**
 * A status change the caller may make now: the action, the status it leads to (none for RESUME), and where it is
 * sent ({@code method} and {@code path}, e.g. POST /cases/{id}/closure), so that clients never map actions to
 * addresses themselves.
 */
public record NextStep(String action, String leadsTo, String method, String path) {
}
