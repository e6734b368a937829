-- supportflow schema, version 3: the id of the command each journal entry stores, so that a commit whose outcome
-- was unknown (the connection failed after COMMIT was sent) is resolved by looking it up.

ALTER TABLE sf_journal ADD COLUMN command_id text;
CREATE UNIQUE INDEX sf_journal_by_command ON sf_journal (order_id, command_id) WHERE command_id IS NOT NULL;
