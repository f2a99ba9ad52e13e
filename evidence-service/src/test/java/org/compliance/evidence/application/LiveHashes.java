package org.compliance.evidence.application;

import io.quarkus.arc.ClientProxy;
import java.util.UUID;

/** What tests see of the hashes a service keeps between PATCHes, and a way to lose them all as a restart does. */
public final class LiveHashes {

    private LiveHashes() {
    }

    public static boolean holds(ResumableHashes hashes, UUID uploadId) {
        return ClientProxy.unwrap(hashes).holds(uploadId);
    }

    /** The bytes re-read so far to rebuild hashes. */
    public static long reread(ResumableHashes hashes) {
        return ClientProxy.unwrap(hashes).reread();
    }

    /** Forgets every hash held, as a restart does (or another instance, which never had them). */
    public static int forgetAll(ResumableHashes hashes) {
        return ClientProxy.unwrap(hashes).forgetAll();
    }
}
