-- The bot-first router: per-message routing claims, the bot's state per conversation, and outbox lanes so Chatwoot
-- side effects (mirrors, notes, status, labels) never hold up WhatsApp sends to the same chat, nor the reverse.

ALTER TABLE inbound_messages ADD COLUMN routed_at timestamptz NULL;

ALTER TABLE conversations
    ADD COLUMN typebot_input jsonb NULL,
    ADD COLUMN bot_turns     integer NOT NULL DEFAULT 0,
    ADD COLUMN bot_failures  integer NOT NULL DEFAULT 0,
    ADD COLUMN handoffs      integer NOT NULL DEFAULT 0;

ALTER TABLE outbox ADD COLUMN lane text NOT NULL DEFAULT 'whatsapp' CHECK (lane IN ('whatsapp', 'chatwoot'));
DROP INDEX ix_outbox_open;
CREATE INDEX ix_outbox_open ON outbox (wa_chat_id, lane, id) WHERE state IN ('pending', 'sending');

-- A status change is the event that notifies the driver: the notifier enqueues the WhatsApp message and marks the
-- history row in one transaction, so each change is announced once even across crashes. Existing rows are history.
ALTER TABLE driver_status_history ADD COLUMN notified_at timestamptz NULL;
UPDATE driver_status_history SET notified_at = at;
CREATE INDEX ix_driver_status_history_unnotified ON driver_status_history (id) WHERE notified_at IS NULL;
