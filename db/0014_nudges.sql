-- Abandonment nudges (docs/0040): what the bridge needs to remind a driver whose bot session waits at a question.
-- input_since: when the bot began waiting at typebot_input (the driver's last message, seconds before), on the bot's
-- clock; nudges: reminders sent for that wait; last_nudge_at: the latest one (kept across waits, so "nudged" stays
-- countable). (recovered_at, added here, was dropped in 0016: the application holds it.)
ALTER TABLE conversations
    ADD COLUMN input_since   timestamptz NULL,
    ADD COLUMN nudges        integer NOT NULL DEFAULT 0,
    ADD COLUMN last_nudge_at timestamptz NULL,
    ADD COLUMN recovered_at  timestamptz NULL;

-- "parar" / "stop": no more nudges (nor document reminders) for this contact, ever; status decisions still go.
ALTER TABLE contacts ADD COLUMN nudges_stopped_at timestamptz NULL;

-- The nudge job's one query: bot conversations waiting at an input, by how long they have waited.
CREATE INDEX ix_conversations_awaiting_input ON conversations (input_since)
    WHERE mode = 'bot' AND typebot_session_id IS NOT NULL AND input_since IS NOT NULL;
