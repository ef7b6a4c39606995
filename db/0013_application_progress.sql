-- The recruiting funnel (docs/0037): one row per application, i.e. a WhatsApp contact's way from its first message
-- to a decision, with the time of each fixed stage, the question its bot session waits on, and the reminders; one row
-- per question each application reached; and the reached counts by day of first contact, kept in the same statement
-- that records a question, so the funnel never scans the question rows. No personal data: a contact is a foreign key
-- that erasure and retention delete (the row stays, anonymous), and district and vehicle type are cleared on erase.

CREATE TABLE applications (
    id                     bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    contact_id             bigint NULL UNIQUE REFERENCES contacts (id) ON DELETE SET NULL,
    driver_id              uuid NULL REFERENCES drivers (id) ON DELETE SET NULL,
    -- The flow of the latest bot session (its language code and published id).
    language               text NULL,
    flow                   text NULL,
    -- The cohort: when the application began (the first message, or the first event seen).
    started_at             timestamptz NOT NULL,
    first_contact_at       timestamptz NULL,
    bot_started_at         timestamptz NULL,
    submitted_at           timestamptz NULL,
    -- Set by the documents feature when a driver's checklist is complete (ApplicationProgress.DocumentsCompleteAsync).
    documents_complete_at  timestamptz NULL,
    under_review_at        timestamptz NULL,
    decided_at             timestamptz NULL,
    decision               text NULL CHECK (decision IN ('approved', 'rejected')),
    handoff_at             timestamptz NULL,
    district_code          text NULL,
    vehicle_type           text NULL,
    -- The last question the bot asked (the chat API's input block id; its group comes from the flow export), and when
    -- it was answered (NULL: the session waits on it).
    question_block_id      text NULL,
    question_at            timestamptz NULL,
    answered_at            timestamptz NULL,
    -- Abandonment reminders: written by the reminders (NudgeSentAsync); recovered_at by the next answer after one.
    nudges_sent            integer NOT NULL DEFAULT 0,
    nudged_at              timestamptz NULL,
    recovered_at           timestamptz NULL
);
CREATE INDEX ix_applications_started ON applications (started_at);
CREATE INDEX ix_applications_driver ON applications (driver_id) WHERE driver_id IS NOT NULL;
-- Sessions waiting on a question, oldest first: what the reminders scan.
CREATE INDEX ix_applications_waiting ON applications (question_at) WHERE answered_at IS NULL AND submitted_at IS NULL;

CREATE TABLE application_questions (
    application_id  bigint NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
    block_id        text NOT NULL,
    reached_at      timestamptz NOT NULL,
    answered_at     timestamptz NULL,
    PRIMARY KEY (application_id, block_id)
);

-- Reached counts per question by the day (Europe/Lisbon) its application began, language and flow.
CREATE TABLE funnel_question_days (
    day       date NOT NULL,
    language  text NOT NULL,
    flow      text NOT NULL,
    block_id  text NOT NULL,
    reached   integer NOT NULL,
    PRIMARY KEY (day, language, flow, block_id)
);
