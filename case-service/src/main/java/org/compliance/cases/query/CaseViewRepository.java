package org.compliance.cases.query;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class CaseViewRepository implements PanacheRepositoryBase<CaseViewRow, String> {
}
