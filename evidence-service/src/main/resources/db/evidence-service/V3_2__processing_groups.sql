-- A processor per processing group (decision 8): the known cases (known-cases) and the request views
-- (request-views), both projections, each keep a token of their own, starting where the service's one processor
-- (evidence-service) stood, so that neither replays on an existing database.
INSERT INTO token_entry (processor_name, segment, token, token_type, timestamp, owner)
SELECT g.processor_name, segment, token, token_type, timestamp, NULL
FROM token_entry CROSS JOIN (VALUES ('known-cases'), ('request-views')) AS g (processor_name)
WHERE token_entry.processor_name = 'evidence-service';

DELETE FROM token_entry WHERE processor_name = 'evidence-service';

-- The old group's letters wait in both new groups: a retry ran the handlers of both.
INSERT INTO dead_letter_entry (dead_letter_id, processing_group, sequence_identifier, sequence_index, message_type,
                               event_identifier, time_stamp, payload_type, payload_revision, payload, meta_data,
                               aggregate_type, aggregate_identifier, sequence_number, token_type, token, enqueued_at,
                               last_touched, processing_started, cause_type, cause_message, diagnostics)
SELECT gen_random_uuid()::text, g.processing_group, sequence_identifier, sequence_index, message_type,
       event_identifier, time_stamp, payload_type, payload_revision, payload, meta_data, aggregate_type,
       aggregate_identifier, sequence_number, token_type, token, enqueued_at, last_touched, processing_started,
       cause_type, cause_message, diagnostics
FROM dead_letter_entry CROSS JOIN (VALUES ('known-cases'), ('request-views')) AS g (processing_group)
WHERE dead_letter_entry.processing_group = 'evidence-service';

DELETE FROM dead_letter_entry WHERE processing_group = 'evidence-service';
