package org.compliance.notifications.inbox;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class InboxRepository implements PanacheRepositoryBase<InboxNotification, UUID> {

    public Uni<List<InboxNotification>> newestFirst(String recipientId, Page page) {
        return newestFirst(recipientId, false, null, null, page);
    }

    /** The recipient's notifications, newest first: only unread ones, one case's, one kind's when asked. */
    public Uni<List<InboxNotification>> newestFirst(String recipientId, boolean unreadOnly, String caseId, String kind,
                                                    Page page) {
        var query = new StringBuilder("recipientId = :recipient");
        var parameters = Parameters.with("recipient", recipientId);
        if (unreadOnly) {
            query.append(" and readAt is null");
        }
        if (caseId != null) {
            query.append(" and caseId = :caseId");
            parameters.and("caseId", caseId);
        }
        if (kind != null) {
            query.append(" and kind = :kind");
            parameters.and("kind", kind);
        }
        return find(query.toString(), Sort.descending("createdAt", "id"), parameters).page(page).list();
    }

    /** The kinds of notification the recipient has had, in order. */
    public Uni<List<String>> kinds(String recipientId) {
        return find("select distinct kind from InboxNotification where recipientId = ?1 order by kind", recipientId)
                .project(String.class).list();
    }

    public Uni<Long> unread(String recipientId) {
        return count("recipientId = ?1 and readAt is null", recipientId);
    }

    public Uni<Integer> markAllRead(String recipientId, Instant at) {
        return update("readAt = ?1 where recipientId = ?2 and readAt is null", at, recipientId);
    }

    public Uni<Integer> markCaseRead(String recipientId, String caseId, Instant at) {
        return update("readAt = ?1 where recipientId = ?2 and caseId = ?3 and readAt is null", at, recipientId,
                caseId);
    }
}
