package org.compliance.audit.application;

/** The sentences report.html and report.pdf share, so that the two forms cannot say different things. */
final class ReportText {

    static final String HOW_TO_VERIFY = "This report is a reading aid written at export. The proof is the rest of "
            + "the bundle: run java -jar audit-verifier.jar <bundle>.zip --public-key <the key the regulator "
            + "publishes>. The verifier prints the same fingerprint as above, checks every event against its hash "
            + "chain and the signed checkpoint, each evidence file against the SHA-256 its submission event records, "
            + "and this report against the contents list signed at export (contents.sha256, contents.sig).";

    /** What the list of reads is, where it comes from, and that this export is not in it. */
    static final String WHO_LOOKED = "Every recorded read of the case by the regulator's staff and auditors before "
            + "this export, oldest first: its page, history, state, timeline, verification and earlier exports. Each "
            + "read is kept as an event of the case's reads in audit-service's hash-chained store, not among this "
            + "bundle's events: the offline verifier does not check this list; audit-service checked the reads' chain "
            + "when it wrote this report. This export is itself put on the record as a read just after this list was "
            + "drawn up, so it is not included; earlier exports are.";

    static final String NO_READS = "No read of the case was recorded before this export.";

    private ReportText() {
    }

    static String chains(CaseReport.Proof p) {
        String chains = p.chainsIntact()
                ? "intact: " + p.events() + " events of " + p.aggregates() + " aggregates match their hash chains"
                : "BROKEN: " + p.chainProblem();
        if (p.checkpointMatches() != null) {
            chains += p.checkpointMatches() ? "; the store still ends where the latest checkpoint signed it"
                    : "; the store NO LONGER ends where the latest checkpoint signed it";
        }
        return chains;
    }

    static String checkpoint(CaseReport.Proof p) {
        return "global position " + p.checkpointPosition() + " of " + p.checkpointCreatedAt()
                + ", signed with Ed25519";
    }

    /** Whether a read can be relied on: on the record with its chain intact, or what is wrong with it, in capitals. */
    static String standing(CaseReport.Read read) {
        if (!read.onRecord()) {
            return "NOT ON THE RECORD: kept as a plain row before reads were recorded as events, so it could have "
                    + "been edited without a trace";
        }
        return read.intact() ? "on the record, chain intact"
                : "CHAIN BROKEN: the reads' hash chain does not verify up to this read";
    }

    /** "Case page (version 3)": what was looked at, with its detail when there is one. */
    static String looked(CaseReport.Read read) {
        return read.detail() == null || read.detail().isBlank() ? read.what()
                : read.what() + " (" + read.detail() + ")";
    }
}
