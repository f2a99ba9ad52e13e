-- The auditor's history of a case finds the case's evidence requests among the events: a partial index keeps
-- that to the (few) EvidenceRequestIssued rows instead of a scan of the whole store.
CREATE INDEX domain_event_entry_requests_issued ON domain_event_entry (global_index)
    WHERE payload_type = 'org.compliance.api.evidence.EvidenceRequestIssued';
