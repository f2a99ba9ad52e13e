package org.compliance.cases.query;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;

/** The lead investigator ({@code LEAD}) or a team member ({@code TEAM}) of a case. */
@Entity
@Table(schema = "case_service", name = "case_member")
@IdClass(CaseMemberRow.Key.class)
public class CaseMemberRow {

    public record Key(String caseId, String userId) implements Serializable {
        public Key() {
            this(null, null);
        }
    }

    @Id
    @Column(name = "case_id")
    public String caseId;
    @Id
    @Column(name = "user_id")
    public String userId;
    public String name;
    public String role;
}
