package org.compliance.cases.query;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Each person's saved searches; every read and delete names the owner, so no one reaches another's. */
@ApplicationScoped
public class SavedSearches implements PanacheRepositoryBase<SavedSearchRow, String> {

    /** How many searches one person may keep. */
    public static final int MAX_PER_OWNER = 50;

    public Uni<List<SavedSearchRow>> of(String ownerId) {
        return find("ownerId", Sort.ascending("name", "searchId"), ownerId).list();
    }

    public Uni<Long> countOf(String ownerId) {
        return count("ownerId", ownerId);
    }

    public Uni<Boolean> named(String ownerId, String name) {
        return count("ownerId = ?1 and name = ?2", ownerId, name).map(n -> n > 0);
    }

    /** Whether the owner had that search (and now has not). */
    public Uni<Boolean> remove(String ownerId, String searchId) {
        return delete("ownerId = ?1 and searchId = ?2", ownerId, searchId).map(n -> n > 0);
    }
}
