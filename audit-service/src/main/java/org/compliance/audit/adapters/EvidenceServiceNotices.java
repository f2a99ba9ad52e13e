package org.compliance.audit.adapters;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import java.util.Optional;
import org.compliance.audit.application.FormalNoticeSource;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/** Formal notices from evidence-service's download, as the caller. */
@ApplicationScoped
public class EvidenceServiceNotices implements FormalNoticeSource {

    private static final Logger LOG = Logger.getLogger(EvidenceServiceNotices.class);

    private final EvidenceClient evidence;

    public EvidenceServiceNotices(@RestClient EvidenceClient evidence) {
        this.evidence = evidence;
    }

    @Override
    public Optional<byte[]> pdf(String requestId) {
        try {
            return Optional.of(evidence.formalNotice(requestId));
        } catch (WebApplicationException | ProcessingException e) {
            LOG.warnf("The formal notice of request %s could not be had from evidence-service: %s", requestId,
                    e.getMessage());
            return Optional.empty();
        }
    }
}
