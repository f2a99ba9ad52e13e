package org.compliance.api.cases;

/**
 * Who among staff may see a case: {@code STANDARD} every investigator and supervisor; {@code RESTRICTED} only
 * its lead investigator, its team and supervisors. Auditors see every case; companies only their own.
 */
public enum Confidentiality {
    STANDARD, RESTRICTED
}
