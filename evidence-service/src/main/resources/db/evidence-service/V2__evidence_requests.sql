-- Case facts the request rules need, kept from case-service's events.
ALTER TABLE known_case ADD COLUMN version BIGINT NOT NULL DEFAULT 0;
DELETE FROM token_entry;  -- replay the stream once, so that known_case learns statuses and respondents

-- The durable deadline manager (db-scheduler's table for PostgreSQL).
CREATE TABLE scheduled_tasks (
    task_name            TEXT                     NOT NULL,
    task_instance        TEXT                     NOT NULL,
    task_data            BYTEA,
    execution_time       TIMESTAMP WITH TIME ZONE NOT NULL,
    picked               BOOLEAN                  NOT NULL,
    picked_by            TEXT,
    last_success         TIMESTAMP WITH TIME ZONE,
    last_failure         TIMESTAMP WITH TIME ZONE,
    consecutive_failures INT,
    last_heartbeat       TIMESTAMP WITH TIME ZONE,
    version              BIGINT                   NOT NULL,
    priority             SMALLINT,
    PRIMARY KEY (task_name, task_instance)
);
CREATE INDEX scheduled_tasks_execution_time ON scheduled_tasks (execution_time);
CREATE INDEX scheduled_tasks_last_heartbeat ON scheduled_tasks (last_heartbeat);
CREATE INDEX scheduled_tasks_priority_execution_time ON scheduled_tasks (priority DESC, execution_time ASC);

-- Files received but not yet part of a submission: who sent which bytes when (the blob is content-addressed).
CREATE TABLE upload (
    upload_id          UUID         PRIMARY KEY,
    request_id         VARCHAR(64)  NOT NULL,
    organisation_alias VARCHAR(64)  NOT NULL,
    uploaded_by        VARCHAR(64)  NOT NULL,
    file_name          VARCHAR(255) NOT NULL,
    media_type         VARCHAR(255) NOT NULL,
    size_bytes         BIGINT       NOT NULL,
    sha256             CHAR(64)     NOT NULL,
    uploaded_at        TIMESTAMPTZ  NOT NULL
);
CREATE INDEX upload_by_request ON upload (request_id);

-- The request views: one row per request with the columns lists filter on, and the detail as JSON.
CREATE TABLE request_view (
    request_id         VARCHAR(64)  PRIMARY KEY,
    version            BIGINT       NOT NULL,
    case_id            VARCHAR(64)  NOT NULL,
    organisation_alias VARCHAR(64)  NOT NULL,
    status             VARCHAR(16)  NOT NULL,
    due_at             TIMESTAMPTZ  NOT NULL,
    overdue            BOOLEAN      NOT NULL,
    issued_at          TIMESTAMPTZ  NOT NULL,
    updated_at         TIMESTAMPTZ  NOT NULL,
    document           TEXT         NOT NULL
);
CREATE INDEX request_view_case ON request_view (case_id, issued_at DESC);
CREATE INDEX request_view_organisation ON request_view (organisation_alias, due_at);
CREATE INDEX request_view_status_due ON request_view (status, due_at);
