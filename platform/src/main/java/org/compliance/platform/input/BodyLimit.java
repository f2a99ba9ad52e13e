package org.compliance.platform.input;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Counts a JSON body while it is read and stops at the limit, whatever the framing: a body sent in chunks
 * declares no length for {@link InboundRequests} to check, and would otherwise be read in full first.
 */
@Provider
public class BodyLimit implements ReaderInterceptor {

    // The request guard (a lazy proxy), not its settings: providers are built before runtime configuration exists.
    private final InboundRequests inbound;

    public BodyLimit(InboundRequests inbound) {
        this.inbound = inbound;
    }

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        MediaType type = context.getMediaType();
        if (type != null && InboundRequests.isJson(type.toString())) {
            context.setInputStream(new Counted(context.getInputStream(), inbound.maxJsonBody()));
        }
        return context.proceed();
    }

    /**
     * Thrown by the stream when the limit is passed. An I/O failure, so that Jackson passes it on as it is
     * rather than wrapping it as a mapping problem of the field being read.
     */
    public static final class TooLarge extends IOException {
        TooLarge(long limit) {
            super("The body is larger than " + limit + " bytes");
        }
    }

    private static final class Counted extends FilterInputStream {
        private final long limit;
        private long count;

        Counted(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                add(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                add(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            add(skipped);
            return skipped;
        }

        private void add(long n) throws TooLarge {
            count += n;
            if (count > limit) {
                throw new TooLarge(limit);
            }
        }
    }
}
