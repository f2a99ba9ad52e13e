package org.compliance.api.cases;

/** The outcomes a supervisor can decide. */
public enum DecisionKind {
    NO_FURTHER_ACTION, REPRIMAND, ENFORCEMENT_NOTICE, MONETARY_PENALTY
}
