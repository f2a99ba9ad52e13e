package org.compliance.platform.problem;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.core.EntityTag;
import java.util.regex.Pattern;

/** Aggregate versions as HTTP entity tags: {@code ETag: "7"} on reads, {@code If-Match: "7"} on changes. */
public final class Versions {

    /** A strong entity tag holding a version as we write it: quoted, decimal, no sign, no leading zero. */
    private static final Pattern STRONG_TAG = Pattern.compile("\"(0|[1-9][0-9]{0,17})\"");

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
        var matcher = STRONG_TAG.matcher(ifMatch.strip());
        if (!matcher.matches()) {
            throw new BadRequestException("If-Match must be exactly one ETag as this service sent it, e.g. \"3\"");
        }
        return Long.parseLong(matcher.group(1));
    }
}
