package org.compliance.api.cases.views;

/** How many cases a search of the list finds (of those the caller may see). */
public record CaseCount(long count) {
}
