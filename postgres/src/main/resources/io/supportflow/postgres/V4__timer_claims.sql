-- supportflow schema, version 4: timer claims. A due idle deadline is fired by the one engine process that claimed
-- it (until its lease passes), so processes do not all attempt the same timeout; a claim is for one armed deadline,
-- so a re-armed timer is claimed afresh. Firing twice is prevented by the version check of the commit, not by this.

CREATE TABLE sf_timer_claim (
    order_id        bytea       PRIMARY KEY,
    deadline_second bigint      NOT NULL,
    deadline_nano   integer     NOT NULL,
    owner           text        NOT NULL,
    until           timestamptz NOT NULL
);
