-- The one event store shared by every service. Column names follow Axon's JDBC EventSchema defaults
-- (unquoted, so PostgreSQL folds them to lower case). The global index has its own sequence, never
-- shared with another table, so that gaps in it come from concurrent writers only.
CREATE TABLE domain_event_entry (
    global_index        BIGSERIAL    NOT NULL,
    event_identifier    VARCHAR(255) NOT NULL,
    aggregate_identifier VARCHAR(255) NOT NULL,
    sequence_number     BIGINT       NOT NULL,
    type                VARCHAR(255),
    time_stamp          VARCHAR(255) NOT NULL,
    payload_type        VARCHAR(255) NOT NULL,
    payload_revision    VARCHAR(255),
    payload             BYTEA        NOT NULL,
    meta_data           BYTEA,
    PRIMARY KEY (global_index),
    UNIQUE (aggregate_identifier, sequence_number),
    UNIQUE (event_identifier)
);

CREATE TABLE snapshot_event_entry (
    aggregate_identifier VARCHAR(255) NOT NULL,
    sequence_number     BIGINT       NOT NULL,
    type                VARCHAR(255) NOT NULL,
    event_identifier    VARCHAR(255) NOT NULL,
    meta_data           BYTEA,
    payload             BYTEA        NOT NULL,
    payload_revision    VARCHAR(255),
    payload_type        VARCHAR(255) NOT NULL,
    time_stamp          VARCHAR(255) NOT NULL,
    PRIMARY KEY (aggregate_identifier, sequence_number),
    UNIQUE (event_identifier)
);
