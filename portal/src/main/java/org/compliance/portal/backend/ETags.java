package org.compliance.portal.backend;

import org.jboss.resteasy.reactive.RestResponse;

/** A case's or request's ETag is its version; a change sends the version the user saw back as If-Match. */
public final class ETags {

    private ETags() {
    }

    /** The version in an answer's ETag, or null when it has none. */
    public static Long version(RestResponse<?> answer) {
        String etag = answer.getHeaderString("ETag");
        if (etag == null) {
            return null;
        }
        String tag = etag.replace("W/", "").replace("\"", "");
        return tag.matches("\\d+") ? Long.valueOf(tag) : null;
    }

    public static String ifMatch(long version) {
        return "\"" + version + "\"";
    }
}
