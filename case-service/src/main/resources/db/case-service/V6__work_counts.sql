-- "My work" and the case list's count read every visible case at scale (100,000 and more): count(*) with the
-- confidentiality clause, a member's cases by status, every member's open cases. With the columns those counts read
-- in one narrow index, each is an index-only scan of a few MB instead of a scan of the wide rows (their documents
-- and search vectors), once autovacuum has marked the pages all-visible.
CREATE INDEX case_view_work_counts ON case_service.case_view (status)
    INCLUDE (confidentiality, members, lead_investigator_id);
