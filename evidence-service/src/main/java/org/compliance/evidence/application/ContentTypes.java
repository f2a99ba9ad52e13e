package org.compliance.evidence.application;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import org.apache.tika.Tika;

/**
 * The content type of an evidence file as its bytes show it (magic numbers, then a text check), never the
 * type the client declared nor one guessed from the file name: both come from the submitter.
 */
@ApplicationScoped
public class ContentTypes {

    /** Tika's magic patterns look no further than this into a file. */
    public static final int HEAD = 64 * 1024;

    private final Tika tika = new Tika();

    public String detect(InputStream content) throws IOException {
        try (content) {
            return tika.detect(content.readNBytes(HEAD));
        }
    }
}
