package org.compliance.notifications.inbox;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class InboxRepository implements PanacheRepositoryBase<InboxNotification, UUID> {

    public Uni<List<InboxNotification>> newestFirst(String recipientId, Page page) {
        return find("recipientId", Sort.descending("createdAt", "id"), recipientId).page(page).list();
    }

    public Uni<Long> unread(String recipientId) {
        return count("recipientId = ?1 and readAt is null", recipientId);
    }

    public Uni<Integer> markAllRead(String recipientId, Instant at) {
        return update("readAt = ?1 where recipientId = ?2 and readAt is null", at, recipientId);
    }
}
