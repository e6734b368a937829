-- supportflow schema, version 2: outbox leases. An order's pending outbox entries are delivered by the one engine
-- process holding the order's lease (until it passes), so each entry normally goes out once, in version order, and
-- the entries of a process that died are taken over when its lease runs out.

CREATE TABLE sf_outbox_lease (
    order_id bytea       PRIMARY KEY,
    owner    text        NOT NULL,
    until    timestamptz NOT NULL
);
