package org.compliance.cases.rest;

/** What the directories for pickers (staff, organisations) share: how they are asked, how many they answer. */
final class Pickers {

    static final int MAX_SIZE = 50;
    static final String QUERY = "Any part of the name, any case; empty or absent: everyone, by name";
    static final String SIZE = "How many to answer, 1 to 50; type more of the name to reach others";
    static final String UNAVAILABLE = "The directory (Keycloak) cannot answer now; try again shortly";

    private Pickers() {
    }
}
