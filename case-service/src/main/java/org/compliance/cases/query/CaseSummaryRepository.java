package org.compliance.cases.query;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class CaseSummaryRepository implements PanacheRepositoryBase<CaseSummary, String> {
}
