package org.compliance.audit.application;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.compliance.platform.documents.PdfPages;

/**
 * The bundle's report.html: one self-contained page (its style inline; no script, no image, no font or link to fetch),
 * so that it opens the same in any browser, offline, years later, and nothing in it can reach out. Every value is
 * escaped: titles, names and file names come from outside parties.
 */
final class ReportHtml {

    private final StringBuilder html = new StringBuilder();

    private ReportHtml() {
    }

    static byte[] render(CaseReport report) {
        return new ReportHtml().page(report).toString().getBytes(StandardCharsets.UTF_8);
    }

    private StringBuilder page(CaseReport r) {
        html.append("""
                <!DOCTYPE html>
                <html lang="en-GB">
                <head>
                <meta charset="utf-8">
                <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                """);
        html.append("<title>Case report: ").append(esc(r.title())).append("</title>\n");
        html.append("""
                <style>
                body { font-family: system-ui, sans-serif; margin: 2rem auto; max-width: 70rem; padding: 0 1rem;
                       color: #1b1b1b; line-height: 1.45; }
                h1 { margin-bottom: .2rem; } h2 { margin-top: 2rem; border-bottom: 1px solid #ccc; }
                table { border-collapse: collapse; width: 100%; font-size: .92rem; }
                th, td { text-align: left; vertical-align: top; padding: .3rem .5rem; border-bottom: 1px solid #e3e3e3;
         overflow-wrap: anywhere; }
                th { background: #f3f3f3; }
                code, .hash { font-family: ui-monospace, monospace; font-size: .85rem; word-break: break-all; }
                .verdict-ok { color: #0b5d1e; font-weight: bold; } .verdict-bad { color: #a30000; font-weight: bold; }
                dl { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; }
                dt { font-weight: bold; } dd { margin: 0; }
                </style>
                </head>
                <body>
                <main>
                """);
        html.append("<header><h1 id=\"case-title\">").append(esc(r.title())).append("</h1>\n");
        html.append("<p>Case report from the audit bundle of case <code>").append(esc(r.caseId()))
                .append("</code>, exported at ").append(esc(moment(r.exportedAt()))).append(" by ")
                .append(esc(r.exportedBy())).append(".</p></header>\n");

        html.append("<section id=\"case\"><h2>The case</h2><dl>\n");
        field("Title", r.title());
        field("Authority", r.authority());
        field("Status at export", r.status());
        field("Legal basis", String.join("; ", r.legalBases()));
        field("Respondents", String.join("; ", r.respondents()));
        html.append("</dl></section>\n");

        html.append("<section id=\"verification\"><h2>Verification at export</h2><dl>\n");
        CaseReport.Proof p = r.proof();
        html.append("<dt>Hash chains</dt><dd class=\"").append(p.chainsIntact() ? "verdict-ok" : "verdict-bad")
                .append("\">").append(esc(ReportText.chains(p))).append("</dd>\n");
        field("Checkpoint", ReportText.checkpoint(p));
        html.append("<dt>Checkpoint root</dt><dd class=\"hash\">").append(esc(p.checkpointRoot())).append("</dd>\n");
        html.append("<dt>Signing key</dt><dd>SHA-256 fingerprint <span class=\"hash\" id=\"key-fingerprint\">")
                .append(esc(p.keyFingerprint())).append("</span></dd>\n");
        html.append("</dl><p>").append(esc(ReportText.HOW_TO_VERIFY)).append("</p></section>\n");

        html.append("<section id=\"decisions\"><h2>Decisions</h2>\n");
        if (r.decisions().isEmpty()) {
            html.append("<p>No decision was issued.</p>\n");
        } else {
            html.append("<table><thead><tr><th>When</th><th>Decision</th><th>To</th><th>Penalty</th>"
                    + "<th>Decided by</th><th>Reasons</th></tr></thead><tbody>\n");
            for (CaseReport.Decision d : r.decisions()) {
                row(moment(d.at()), d.kind(), d.addressee(), d.penalty(), d.decidedBy(), d.reasons());
            }
            html.append("</tbody></table>\n");
        }
        html.append("</section>\n");

        html.append("<section id=\"evidence\"><h2>Evidence</h2>\n");
        if (r.evidence().isEmpty()) {
            html.append("<p>No file was submitted.</p>\n");
        } else {
            html.append("<table><thead><tr><th>File</th><th>Size (bytes)</th><th>SHA-256</th><th>Request</th>"
                    + "<th>Submitted by</th><th>When</th><th>In this bundle</th></tr></thead><tbody>\n");
            for (CaseReport.Evidence e : r.evidence()) {
                html.append("<tr><td>").append(esc(e.fileName())).append("</td><td>").append(e.sizeBytes())
                        .append("</td><td class=\"hash\">").append(esc(e.sha256())).append("</td><td>")
                        .append(esc(e.subject())).append("</td><td>").append(esc(e.submittedBy())).append("</td><td>")
                        .append(esc(moment(e.submittedAt()))).append("</td><td>").append(esc(e.inBundle()))
                        .append("</td></tr>\n");
            }
            html.append("</tbody></table>\n");
        }
        html.append("</section>\n");

        html.append("<section id=\"history\"><h2>History</h2>\n<table><thead><tr><th>When</th><th>Position</th>"
                + "<th>What happened</th><th>Concerning</th><th>Who</th></tr></thead><tbody>\n");
        for (CaseReport.HistoryLine line : r.history()) {
            row(moment(line.at()), String.valueOf(line.position()), line.what(), line.concerning(), line.who());
        }
        html.append("</tbody></table></section>\n");

        html.append("<section id=\"who-looked\"><h2>Who looked</h2>\n<p>").append(esc(ReportText.WHO_LOOKED))
                .append("</p>\n");
        if (r.reads().isEmpty()) {
            html.append("<p>").append(esc(ReportText.NO_READS)).append("</p>\n");
        } else {
            html.append("<table><thead><tr><th>When</th><th>Who</th><th>What they looked at</th><th>On the record</th>"
                    + "</tr></thead><tbody>\n");
            for (CaseReport.Read read : r.reads()) {
                boolean sound = read.onRecord() && read.intact();
                html.append("<tr><td>").append(esc(moment(read.at()))).append("</td><td>").append(esc(read.who()))
                        .append("</td><td>").append(esc(ReportText.looked(read))).append("</td><td class=\"")
                        .append(sound ? "verdict-ok" : "verdict-bad").append("\">")
                        .append(esc(ReportText.standing(read))).append("</td></tr>\n");
            }
            html.append("</tbody></table>\n");
        }
        html.append("</section>\n</main>\n</body>\n</html>\n");
        return html;
    }

    private void field(String name, String value) {
        html.append("<dt>").append(esc(name)).append("</dt><dd>").append(esc(value == null || value.isEmpty() ? "none"
                : value)).append("</dd>\n");
    }

    private void row(String... cells) {
        html.append("<tr>");
        for (String cell : cells) {
            html.append("<td>").append(esc(cell)).append("</td>");
        }
        html.append("</tr>\n");
    }

    private static String moment(Instant instant) {
        return instant == null ? "" : PdfPages.moment(instant);
    }

    static String esc(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
