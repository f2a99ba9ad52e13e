package org.compliance.evidence.adapters;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.compliance.evidence.domain.KnownCases;

/** {@link KnownCases} read from {@code evidence_service.known_case}, inside the command's transaction. */
@ApplicationScoped
public class KnownCasesTable implements KnownCases {

    private final AgroalDataSource dataSource;

    public KnownCasesTable(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Optional<KnownCase> find(String caseId) {
        try (var connection = dataSource.getConnection();
             var select = connection.prepareStatement(
                     "SELECT status, respondents, authority FROM evidence_service.known_case WHERE case_id = ?")) {
            select.setString(1, caseId);
            try (var row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                Set<String> respondents = Arrays.stream(row.getString(2).split(",")).filter(s -> !s.isBlank())
                        .collect(Collectors.toUnmodifiableSet());
                return Optional.of(new KnownCase(caseId, "OPEN".equals(row.getString(1)), respondents,
                        row.getString(3)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read what is known of case " + caseId, e);
        }
    }

    @Override
    public Map<String, String> namesBySubject(String caseId) {
        try (var connection = dataSource.getConnection();
             var select = connection.prepareStatement("SELECT subject, name FROM evidence_service.known_case_subject"
                     + " WHERE case_id = ? ORDER BY subject")) {
            select.setString(1, caseId);
            Map<String, String> names = new LinkedHashMap<>();
            try (var rows = select.executeQuery()) {
                while (rows.next()) {
                    names.put(rows.getString(1), rows.getString(2));
                }
            }
            return names;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the data subjects of case " + caseId, e);
        }
    }

    @Override
    public Optional<CaseHeading> heading(String caseId) {
        try (var connection = dataSource.getConnection();
             var select = connection.prepareStatement(
                     "SELECT title, authority FROM evidence_service.known_case WHERE case_id = ?")) {
            select.setString(1, caseId);
            try (var row = select.executeQuery()) {
                return row.next() && row.getString(1) != null
                        ? Optional.of(new CaseHeading(row.getString(1), row.getString(2))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read what is known of case " + caseId, e);
        }
    }
}
