package org.compliance.platform.axon;

import io.agroal.api.AgroalDataSource;
import java.sql.SQLException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;

/**
 * The service's token table as every instance shares it, read without claiming anything: where each segment of a
 * processing group stands as last committed (a token moves in the transaction of the batch it ends), who holds it and
 * since when. What one instance's processors report covers only the segments it holds; this covers all.
 */
public final class TokenTable {

    /** One segment's row: its token as committed, and the claim on it (owner null when released). */
    public record Row(int segment, TrackingToken token, String owner, Instant claimedAt) {

        /**
         * Still replaying the events that existed when its rebuild began. (Axon keeps a replay token until an event
         * past the reset point arrives; on a quiet store that may be long after the replay has caught up.)
         */
        public boolean replaying() {
            if (!(token instanceof ReplayToken replay)) {
                return false;
            }
            TrackingToken atReset = WrappedToken.unwrapUpperBound(replay.getTokenAtReset());
            Long position = position();
            return atReset == null || position == null || position < atReset.position().orElse(Long.MAX_VALUE);
        }

        /** The position the segment has handled the stream up to, if it has begun (a replay: where it has got to). */
        public Long position() {
            TrackingToken current = WrappedToken.unwrapLowerBound(
                    token instanceof ReplayToken replay ? replay.getCurrentToken() : token);
            return current == null ? null : current.position().stream().boxed().findFirst().orElse(null);
        }

        /** Claimed by a live holder: someone other than {@code node} whose claim has not run past the timeout. */
        public boolean claimedByAnotherThan(String node, Instant now, java.time.Duration claimTimeout) {
            return owner != null && !owner.equals(node) && claimedAt != null
                    && claimedAt.plus(claimTimeout).isAfter(now);
        }
    }

    private final AgroalDataSource dataSource;
    private final Serializer serializer;
    private final String table;

    TokenTable(AgroalDataSource dataSource, Serializer serializer, String table) {
        this.dataSource = dataSource;
        this.serializer = serializer;
        this.table = table;
    }

    /** Every segment of the group's processor, in segment order (none before the processor first ran). */
    public List<Row> rows(String processingGroup) {
        try (var connection = dataSource.getConnection(); var select = connection.prepareStatement(
                "SELECT segment, token, token_type, owner, timestamp FROM " + table
                        + " WHERE processor_name = ? ORDER BY segment")) {
            select.setString(1, processingGroup);
            List<Row> rows = new ArrayList<>();
            try (var result = select.executeQuery()) {
                while (result.next()) {
                    byte[] token = result.getBytes(2);
                    String type = result.getString(3);
                    TrackingToken tracking = token == null || type == null ? null
                            : serializer.deserialize(new SimpleSerializedObject<>(token, byte[].class, type, null));
                    rows.add(new Row(result.getInt(1), tracking, result.getString(4), instant(result.getString(5))));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the tokens of " + processingGroup, e);
        }
    }

    private static Instant instant(String timestamp) {
        try {
            return timestamp == null ? null : Instant.parse(timestamp);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
