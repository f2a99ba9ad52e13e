-- The trace of the event that caused a delivery (W3C Trace Context, decision 16), so that the relay, which sends
-- later and on another thread, sends it in a span of that trace. Empty when tracing was off, and for digests.
ALTER TABLE email_delivery
    ADD COLUMN traceparent VARCHAR(55),
    ADD COLUMN tracestate  VARCHAR(512);
ALTER TABLE webhook_delivery
    ADD COLUMN traceparent VARCHAR(55),
    ADD COLUMN tracestate  VARCHAR(512);
