package org.compliance.audit.application;

/** The sentences report.html and report.pdf share, so that the two forms cannot say different things. */
final class ReportText {

    static final String HOW_TO_VERIFY = "This report is a reading aid written at export. The proof is the rest of "
            + "the bundle: run java -jar audit-verifier.jar <bundle>.zip --public-key <the key the regulator "
            + "publishes>. The verifier prints the same fingerprint as above, checks every event against its hash "
            + "chain and the signed checkpoint, each evidence file against the SHA-256 its submission event records, "
            + "and this report against the contents list signed at export (contents.sha256, contents.sig).";

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
}
