-- WhatsApp stamps messages in whole seconds. When the catch-up records a chat's messages it also stores their place in
-- the chat (WhatsApp Web's own order), so that messages of the same second keep it whichever path brought them first.
ALTER TABLE inbound_messages ADD COLUMN chat_position integer;

DROP INDEX ix_inbound_pending;
CREATE INDEX ix_inbound_pending ON inbound_messages (wa_chat_id, wa_timestamp, chat_position, id) WHERE state = 'pending';
