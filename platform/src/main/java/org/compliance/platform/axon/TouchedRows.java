package org.compliance.platform.axon;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The rows a batch of a projection touches, each read once and kept in memory while the batch folds its events
 * (docs/decisions/0023-projections-in-batches.md). The first read also reads the rows of every key the batch is
 * going to need (named when the batch begins), so a batch costs one query rather than one per row.
 *
 * @param <K> a row's key (a case id)
 * @param <R> what the projection keeps of a row while folding (its document)
 */
public final class TouchedRows<K, R> {

    /** Reads the stored rows of the keys; a key without a row is left out. */
    @FunctionalInterface
    public interface Reader<K, R> {
        Map<K, R> read(Connection connection, Set<K> keys) throws SQLException;
    }

    /** At most this many keys in one read. */
    private static final int MOST_KEYS_PER_READ = 1000;

    private final Reader<K, R> reader;
    private final Set<K> expected;
    private final Set<K> read = new HashSet<>();
    private final Map<K, R> rows = new HashMap<>();
    private final Map<K, R> changed = new LinkedHashMap<>();

    /**
     * @param expected the keys the batch is going to touch, read together with the first one asked for
     */
    public TouchedRows(Reader<K, R> reader, Collection<K> expected) {
        this.reader = reader;
        this.expected = new LinkedHashSet<>(expected);
    }

    /** The row of the key as the batch has it: as stored, or as folded so far; {@code null} when there is none. */
    public R get(Connection connection, K key) throws SQLException {
        if (!read.contains(key)) {
            Set<K> keys = new LinkedHashSet<>();
            keys.add(key);
            for (K next : expected) {
                if (keys.size() >= MOST_KEYS_PER_READ) {
                    break;
                }
                if (!read.contains(next)) {
                    keys.add(next);
                }
            }
            rows.putAll(reader.read(connection, keys));
            read.addAll(keys);
            expected.removeAll(keys);
        }
        return rows.get(key);
    }

    /** The row of the key has changed (or is new): it is written with the batch. */
    public void put(K key, R row) {
        read.add(key);
        rows.put(key, row);
        changed.put(key, row);
    }

    /** The rows the batch changed, in the order first changed. */
    public Map<K, R> changed() {
        return changed;
    }
}
