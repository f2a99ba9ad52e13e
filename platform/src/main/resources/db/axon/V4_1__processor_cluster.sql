-- Several instances of a service share its token store; these tables let them agree on what the token table alone
-- cannot say (docs/decisions/0020-cluster-rebuild.md).

-- The instances that run the service's processors, each announcing itself every compliance.axon.cluster-interval:
-- the live ones share every processing group's segments out between them.
CREATE TABLE processor_node (
    node_id VARCHAR(255) PRIMARY KEY,
    seen_at TIMESTAMPTZ  NOT NULL
);

-- Read-model rebuilds, asked of any instance and carried out by all: STOPPING (every instance stops the group's
-- processor; once no live claim is left, one instance resets the tokens), REPLAYING (every instance runs it again),
-- DONE (no segment is replaying any more).
CREATE TABLE read_model_rebuild (
    id               BIGSERIAL    PRIMARY KEY,
    processing_group VARCHAR(255) NOT NULL,
    state            VARCHAR(16)  NOT NULL CHECK (state IN ('STOPPING', 'REPLAYING', 'DONE')),
    requested_at     TIMESTAMPTZ  NOT NULL,
    requested_by     VARCHAR(255) NOT NULL,
    reset_at         TIMESTAMPTZ,
    reset_by         VARCHAR(255),
    finished_at      TIMESTAMPTZ
);
-- One rebuild of a group waits for its stop at a time: asking again meanwhile joins it.
CREATE UNIQUE INDEX read_model_rebuild_one_stopping ON read_model_rebuild (processing_group) WHERE state = 'STOPPING';
CREATE INDEX read_model_rebuild_latest ON read_model_rebuild (processing_group, id DESC);
