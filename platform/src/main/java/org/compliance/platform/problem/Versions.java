package org.compliance.platform.problem;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.core.EntityTag;

/** Aggregate versions as HTTP entity tags: {@code ETag: "7"} on reads, {@code If-Match: "7"} on changes. */
public final class Versions {

    private Versions() {
    }

    public static EntityTag tag(long version) {
        return new EntityTag(Long.toString(version));
    }

    /** The version the client last saw, from {@code If-Match}; absent or unreadable is refused. */
    public static long expected(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new PreconditionRequired("Send If-Match with the ETag of the version you last read, so that "
                    + "a change made meanwhile by someone else is never silently overwritten");
        }
        String value = ifMatch.strip();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        value = value.replace("\"", "");
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new BadRequestException("If-Match must be the ETag of a read, e.g. \"3\"; got " + ifMatch);
        }
    }
}
