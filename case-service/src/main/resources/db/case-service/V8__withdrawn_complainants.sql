-- The staff document keeps person complainants withdrawn (CaseDocument.withdrawnComplainants: still data subjects, a
-- supervisor may erase them). The views are rebuilt from the event store so that cases withdrawn from before have them
-- (as V5 did); the typo dictionary is tied to no case and stays.
TRUNCATE case_view, case_party, case_note;
DELETE FROM token_entry WHERE processor_name = 'case-views';
