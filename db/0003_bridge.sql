-- The WhatsApp <-> Chatwoot bridge: identities, conversations, the inbound ledger and the outbox.

CREATE TABLE contacts (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    wa_chat_id          text NOT NULL UNIQUE,
    phone_e164          text NULL,
    lid                 text NULL UNIQUE,
    display_name        text NULL,
    chatwoot_contact_id bigint NULL,
    chatwoot_source_id  text NULL,
    driver_id           uuid NULL REFERENCES drivers (id) ON DELETE SET NULL,
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE conversations (
    id                       bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    contact_id               bigint NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
    chatwoot_conversation_id bigint NOT NULL UNIQUE,
    mode                     text NOT NULL DEFAULT 'human' CHECK (mode IN ('bot', 'human', 'closed')),
    typebot_session_id       text NULL,
    bot_started_at           timestamptz NULL,
    last_activity_at         timestamptz NOT NULL DEFAULT now(),
    handoff_reason           text NULL,
    handed_off_at            timestamptz NULL,
    created_at               timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ix_conversations_contact ON conversations (contact_id, id DESC);

-- Every WhatsApp message we learn of, once, whichever path brought it first (webhook or catch-up poll).
CREATE TABLE inbound_messages (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    wa_message_id       text NOT NULL UNIQUE,
    wa_chat_id          text NOT NULL,
    from_me             boolean NOT NULL,
    wa_timestamp        timestamptz NOT NULL,
    received_via        text NOT NULL CHECK (received_via IN ('webhook', 'poll')),
    payload             jsonb NOT NULL,
    state               text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'done', 'skipped', 'failed')),
    attempts            integer NOT NULL DEFAULT 0,
    next_attempt_at     timestamptz NOT NULL DEFAULT now(),
    chatwoot_message_id bigint NULL,
    skip_reason         text NULL,
    last_error          text NULL,
    received_at         timestamptz NOT NULL DEFAULT now(),
    processed_at        timestamptz NULL
);
CREATE INDEX ix_inbound_pending ON inbound_messages (wa_chat_id, wa_timestamp, id) WHERE state = 'pending';
CREATE INDEX ix_inbound_received ON inbound_messages (received_at);

-- Every side effect on WhatsApp, applied in order per chat by the dispatcher.
CREATE TABLE outbox (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    dedupe_key          text NOT NULL UNIQUE,
    wa_chat_id          text NOT NULL,
    kind                text NOT NULL,
    payload             jsonb NOT NULL,
    chatwoot_conversation_id bigint NULL,
    chatwoot_message_id bigint NULL,
    state               text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sending', 'sent', 'dead')),
    attempts            integer NOT NULL DEFAULT 0,
    next_attempt_at     timestamptz NOT NULL DEFAULT now(),
    wa_message_id       text NULL,
    last_error          text NULL,
    created_at          timestamptz NOT NULL DEFAULT now(),
    sent_at             timestamptz NULL
);
CREATE INDEX ix_outbox_open ON outbox (wa_chat_id, id) WHERE state IN ('pending', 'sending');
CREATE INDEX ix_outbox_wa_message ON outbox (wa_message_id) WHERE wa_message_id IS NOT NULL;

-- Small named values that must survive restarts: catch-up watermarks, the latest QR code.
CREATE TABLE bridge_state (
    key        text PRIMARY KEY,
    value      text NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now()
);
