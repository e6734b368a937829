-- supportflow schema, version 1. Ids are bytea (the record codec's text encoding: UTF-8, and every Java string
-- reads back exactly); record columns hold the record codec's bytes (format version in byte 0); the other columns
-- are the derived indexes, kept by the same statements that write the records.

CREATE TABLE sf_session (
    order_id        bytea PRIMARY KEY,
    version         bigint NOT NULL,
    state           text NOT NULL,
    agent_id        bytea,
    deadline_second bigint,
    deadline_nano   integer,
    record          bytea NOT NULL
);
CREATE INDEX sf_session_by_state ON sf_session (state, order_id);
CREATE INDEX sf_session_by_agent ON sf_session (agent_id, order_id) WHERE agent_id IS NOT NULL;
CREATE INDEX sf_session_by_deadline ON sf_session (deadline_second, deadline_nano, order_id)
    WHERE deadline_second IS NOT NULL;

CREATE TABLE sf_journal (
    order_id bytea  NOT NULL,
    version  bigint NOT NULL,
    record   bytea  NOT NULL,
    PRIMARY KEY (order_id, version)
);

CREATE SEQUENCE sf_assignment_started;
CREATE TABLE sf_assignment (
    order_id      bytea   NOT NULL,
    start_version bigint  NOT NULL,
    agent_id      bytea   NOT NULL,
    active        boolean NOT NULL,
    started       bigint  NOT NULL DEFAULT nextval('sf_assignment_started'),
    record        bytea   NOT NULL,
    PRIMARY KEY (order_id, start_version)
);
CREATE INDEX sf_assignment_active ON sf_assignment (agent_id) WHERE active;
CREATE INDEX sf_assignment_by_start ON sf_assignment (started);

CREATE TABLE sf_agent (
    agent_id bytea PRIMARY KEY,
    record   bytea NOT NULL
);

CREATE TABLE sf_outbox (
    sequence bigserial PRIMARY KEY,
    order_id bytea  NOT NULL,
    version  bigint NOT NULL,
    UNIQUE (order_id, version)
);
