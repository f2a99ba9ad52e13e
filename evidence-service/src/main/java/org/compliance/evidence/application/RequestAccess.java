package org.compliance.evidence.application;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.NotFoundException;
import java.sql.SQLException;
import java.util.List;
import org.compliance.api.evidence.RequestDocument;
import org.compliance.platform.axon.EventSerialization;
import org.compliance.platform.identity.Caller;

/**
 * Whether a caller may see a request, for blocking endpoints (uploads, downloads, submissions): staff and
 * auditors see every request; a company user only its own organisation's. Anything else is a 404, as if the
 * request did not exist.
 */
@ApplicationScoped
public class RequestAccess {

    private final AgroalDataSource dataSource;

    public RequestAccess(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The request as its view has it (for a caller already checked with {@link #requireVisible}). */
    public RequestDocument document(String requestId) {
        try (var connection = dataSource.getConnection();
             var select = connection.prepareStatement(
                     "SELECT document FROM evidence_service.request_view WHERE request_id = ?")) {
            select.setString(1, requestId);
            try (var row = select.executeQuery()) {
                if (!row.next()) {
                    throw new NotFoundException("No evidence request " + requestId);
                }
                return EventSerialization.storageObjectMapper().readValue(row.getString(1), RequestDocument.class);
            }
        } catch (SQLException | java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The organisations a caller is limited to, or null for staff and auditors who see every request. */
    public static List<String> limitedTo(Caller caller) {
        if (caller.hasRole("investigator") || caller.hasRole("supervisor") || caller.hasRole("auditor")) {
            return null;
        }
        return caller.organisations();
    }

    /** The request's respondent organisation, when the caller may see the request; 404 otherwise. */
    public String requireVisible(String requestId, Caller caller) {
        try (var connection = dataSource.getConnection();
             var select = connection.prepareStatement(
                     "SELECT organisation_alias FROM evidence_service.request_view WHERE request_id = ?")) {
            select.setString(1, requestId);
            try (var row = select.executeQuery()) {
                if (row.next()) {
                    String organisation = row.getString(1);
                    List<String> limited = limitedTo(caller);
                    if (limited == null || limited.contains(organisation)) {
                        return organisation;
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        throw new NotFoundException("No evidence request " + requestId);
    }
}
