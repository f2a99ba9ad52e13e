-- A processor per processing group (decision 8): the case views (case-views, a projection) and the overdue-evidence
-- policy (overdue-evidence) each keep a token of their own. Both start where the service's one processor
-- (case-service) stood, so the views go on without a replay and the policy sends no command twice and misses none.
-- Had a rebuild been under way, the policy was sitting it out (@DisallowReplay): it takes the position the rebuild
-- began at, unwrapped from the replay token.
INSERT INTO token_entry (processor_name, segment, token, token_type, timestamp, owner)
SELECT 'case-views', segment, token, token_type, timestamp, NULL
FROM token_entry WHERE processor_name = 'case-service';

INSERT INTO token_entry (processor_name, segment, token, token_type, timestamp, owner)
SELECT 'overdue-evidence', segment,
       CASE WHEN token_type = 'org.axonframework.eventhandling.ReplayToken'
            THEN convert_to(((convert_from(token, 'UTF8')::jsonb -> 'tokenAtReset') - '@class')::text, 'UTF8')
            ELSE token END,
       CASE WHEN token_type = 'org.axonframework.eventhandling.ReplayToken'
            THEN convert_from(token, 'UTF8')::jsonb -> 'tokenAtReset' ->> '@class'
            ELSE token_type END,
       timestamp, NULL
FROM token_entry WHERE processor_name = 'case-service';

DELETE FROM token_entry WHERE processor_name = 'case-service';

-- The old group's letters wait in both new groups: a retry ran the handlers of both, and the later events of the
-- case waited behind them in both.
INSERT INTO dead_letter_entry (dead_letter_id, processing_group, sequence_identifier, sequence_index, message_type,
                               event_identifier, time_stamp, payload_type, payload_revision, payload, meta_data,
                               aggregate_type, aggregate_identifier, sequence_number, token_type, token, enqueued_at,
                               last_touched, processing_started, cause_type, cause_message, diagnostics)
SELECT gen_random_uuid()::text, g.processing_group, sequence_identifier, sequence_index, message_type,
       event_identifier, time_stamp, payload_type, payload_revision, payload, meta_data, aggregate_type,
       aggregate_identifier, sequence_number, token_type, token, enqueued_at, last_touched, processing_started,
       cause_type, cause_message, diagnostics
FROM dead_letter_entry CROSS JOIN (VALUES ('case-views'), ('overdue-evidence')) AS g (processing_group)
WHERE dead_letter_entry.processing_group = 'case-service';

DELETE FROM dead_letter_entry WHERE processing_group = 'case-service';
