package org.compliance.cases.query;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A search of the case list someone saved under a name (theirs alone); not a view of events, the person's own data. */
@Entity
@Table(schema = "case_service", name = "saved_search")
public class SavedSearchRow {

    @Id
    @Column(name = "search_id")
    public String searchId;
    @Column(name = "owner_id")
    public String ownerId;
    public String name;
    public String q;
    public String status;
    public String authority;
    public String respondent;
    public String assignee;
    public String priority;
    @Column(name = "opened_from")
    public Instant openedFrom;
    @Column(name = "opened_to")
    public Instant openedTo;
    public String sort;
    public String direction;
    @Column(name = "created_at")
    public Instant createdAt;
}
