-- Number safety (docs/0027, 0028): every outbox row has a message class, and the sending governor keeps its grants
-- in Postgres so that every replica spends the same budgets.

-- reply: to a driver who is writing (bot answers, agents' replies); service_notice: proactive (status decisions,
-- reminders, nudges); operations: for agents, Chatwoot only. Existing WhatsApp rows were replies, except the status
-- notices (keyed notify:...); the Chatwoot lane is operations.
ALTER TABLE outbox ADD COLUMN message_class text NOT NULL DEFAULT 'reply'
    CHECK (message_class IN ('reply', 'service_notice', 'operations'));
UPDATE outbox SET message_class = 'operations' WHERE lane = 'chatwoot';
UPDATE outbox SET message_class = 'service_notice' WHERE lane = 'whatsapp' AND dedupe_key LIKE 'notify:%';
-- Operations never go to WhatsApp (the store files every Chatwoot-lane row as operations; the governor ignores that lane).
ALTER TABLE outbox ADD CONSTRAINT outbox_operations_not_on_whatsapp CHECK (lane = 'chatwoot' OR message_class <> 'operations');

-- One row per permit a named budget granted (a send, a request): the limits count the rows of the last minute,
-- hour and day; next_at is the earliest moment the budget's next permit may be granted (the random gap).
CREATE TABLE governor_grants (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    budget     text NOT NULL,
    granted_at timestamptz NOT NULL,
    next_at    timestamptz NOT NULL,
    subject    text NULL
);
CREATE INDEX ix_governor_grants ON governor_grants (budget, granted_at);
