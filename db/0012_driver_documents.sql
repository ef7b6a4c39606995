-- Drivers' documents (docs/0033): one row per file received; the newest row of a (driver, kind, side) is the current
-- one, older rows are 'replaced'. Files live in the document store (docs/0032) under file_key.

-- A driver registered while a checklist was configured: only these drivers meet the approval gate.
CREATE TABLE document_checklists (
    driver_id   uuid PRIMARY KEY REFERENCES drivers (id) ON DELETE CASCADE,
    created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE driver_documents (
    id            uuid PRIMARY KEY,
    driver_id     uuid NOT NULL REFERENCES drivers (id) ON DELETE CASCADE,
    kind          text NOT NULL,
    side          text NOT NULL CHECK (side IN ('front', 'back', 'single')),
    file_key      text NOT NULL,
    sha256        text NOT NULL,
    content_type  text NOT NULL,
    size_bytes    bigint NOT NULL CHECK (size_bytes > 0),
    sent_by       text NOT NULL,
    state         text NOT NULL DEFAULT 'submitted' CHECK (state IN ('submitted', 'approved', 'rejected', 'replaced')),
    reason        text NULL,
    reviewed_by   text NULL,
    reviewed_at   timestamptz NULL,
    -- Set when approved, kept when replaced: "documents expired" looks for approved files past their date.
    approved_at   timestamptz NULL,
    expires_on    date NULL,
    created_at    timestamptz NOT NULL DEFAULT now()
);
-- One current file per slot; a new file replaces the current one in the same transaction.
CREATE UNIQUE INDEX ux_driver_documents_current ON driver_documents (driver_id, kind, side) WHERE state <> 'replaced';
CREATE INDEX ix_driver_documents_driver ON driver_documents (driver_id, created_at);
CREATE INDEX ix_driver_documents_expiry ON driver_documents (expires_on) WHERE expires_on IS NOT NULL AND state = 'approved';

-- Each reminder (n days before the date) is sent at most once per document.
CREATE TABLE document_reminders (
    document_id  uuid NOT NULL REFERENCES driver_documents (id) ON DELETE CASCADE,
    days_before  integer NOT NULL,
    sent_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (document_id, days_before)
);

-- Every time staff opened a file (who, when), shown in the driver's history.
CREATE TABLE document_views (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    driver_id    uuid NOT NULL REFERENCES drivers (id) ON DELETE CASCADE,
    document_id  uuid NULL REFERENCES driver_documents (id) ON DELETE SET NULL,
    kind         text NOT NULL,
    side         text NOT NULL,
    viewer       text NOT NULL,
    at           timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ix_document_views_driver ON document_views (driver_id, at);
