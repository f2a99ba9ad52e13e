package org.compliance.cases.query;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class CaseNoteRepository implements PanacheRepositoryBase<CaseNoteRow, CaseNoteRow.Key> {
}
