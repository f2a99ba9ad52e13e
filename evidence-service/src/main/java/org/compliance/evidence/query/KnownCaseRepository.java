package org.compliance.evidence.query;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class KnownCaseRepository implements PanacheRepositoryBase<KnownCase, String> {
}
