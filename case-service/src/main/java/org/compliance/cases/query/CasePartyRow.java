package org.compliance.cases.query;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;

/** A respondent or complainant currently on a case. */
@Entity
@Table(schema = "case_service", name = "case_party")
@IdClass(CasePartyRow.Key.class)
public class CasePartyRow {

    public record Key(String caseId, String role, String partyKey) implements Serializable {
        public Key() {
            this(null, null, null);
        }
    }

    @Id
    @Column(name = "case_id")
    public String caseId;
    @Id
    public String role;
    @Id
    @Column(name = "party_key")
    public String partyKey;
    public String name;
    @Column(name = "organisation_alias")
    public String organisationAlias;
}
