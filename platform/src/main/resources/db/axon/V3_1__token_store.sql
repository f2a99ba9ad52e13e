-- Axon's token store (JdbcTokenStore) of the service: where each processing group's processor stands, per segment.
-- Created in the service's own schema (Flyway's default schema). Schemas migrated before this file existed have
-- the table from their own V1 (decision 9): hence IF NOT EXISTS. Change Axon's tables here, never in a service.
CREATE TABLE IF NOT EXISTS token_entry (
    processor_name VARCHAR(255) NOT NULL,
    segment        INTEGER      NOT NULL,
    token          BYTEA,
    token_type     VARCHAR(255),
    timestamp      VARCHAR(255),
    owner          VARCHAR(255),
    PRIMARY KEY (processor_name, segment)
);
