-- Every message of a chat by WhatsApp time, finished ones included: the governor's 24-hour window ("did the driver
-- write since …") and the Cloud API read receipt's newest message read it on every send, and the inbound processor
-- asks whether a later message of the chat is already in Chatwoot (a Cloud API message that arrived late, docs/0049).
-- Until now only pending rows were indexed by chat, so these scanned the whole retained ledger.
CREATE INDEX ix_inbound_chat_time ON inbound_messages (wa_chat_id, wa_timestamp);
