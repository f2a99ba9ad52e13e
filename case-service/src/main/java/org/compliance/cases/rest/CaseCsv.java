package org.compliance.cases.rest;

import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.compliance.api.cases.views.CaseListItem;
import org.compliance.api.cases.views.RespondentListItem;

/**
 * The case list as CSV (RFC 4180: comma-separated, CRLF line ends, a field quoted when it holds a comma, a quote or a
 * line break, its quotes doubled). A text cell a spreadsheet would take for a formula (starting with = + - @, tab or
 * carriage return) is prefixed with an apostrophe, so an exported title can never run as one.
 */
final class CaseCsv {

    static final String MEDIA_TYPE = "text/csv";

    private CaseCsv() {
    }

    static String staff(List<CaseListItem> items) {
        return lines(Stream.of("Case id", "Title", "Status", "Authority", "Priority", "Confidentiality", "Respondents",
                "Lead investigator", "Legal hold", "Awaiting overdue evidence", "Opened at", "Updated at"),
                items.stream().map(i -> Stream.of(i.caseId(), i.title(), i.status(), i.authority(), i.priority(),
                        i.confidentiality(), i.respondents(), i.leadInvestigatorName(), yesNo(i.legalHold()),
                        yesNo(i.awaitingOverdueEvidence()), moment(i.openedAt()), moment(i.updatedAt()))));
    }

    static String respondent(List<RespondentListItem> items) {
        return lines(Stream.of("Case id", "Title", "Status", "Authority", "Opened at"),
                items.stream().map(i -> Stream.of(i.caseId(), i.title(), i.status(), i.authority(),
                        moment(i.openedAt()))));
    }

    private static String lines(Stream<String> header, Stream<Stream<String>> rows) {
        return Stream.concat(Stream.of(header), rows)
                .map(row -> row.map(CaseCsv::cell).collect(Collectors.joining(",")) + "\r\n")
                .collect(Collectors.joining());
    }

    static String cell(String value) {
        if (value == null) {
            return "";
        }
        String text = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")
                ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }

    private static String yesNo(boolean value) {
        return value ? "yes" : "no";
    }

    private static String moment(Instant instant) {
        return instant == null ? "" : instant.toString();
    }
}
