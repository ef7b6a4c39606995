-- A recovery by reminders is recorded once, on the application (applications.recovered_at, written with the turn
-- that answers after a nudge; docs/0037); the conversation's copy was written and never read.
ALTER TABLE conversations DROP COLUMN recovered_at;
