-- Drivers registered through the Typebot flow and reviewed by staff.
CREATE TABLE drivers (
    id                      uuid PRIMARY KEY,
    phone_e164              text NOT NULL UNIQUE,
    wa_chat_id              text NULL,
    full_name               text NULL,
    nif                     char(9) NULL UNIQUE,
    email                   text NULL,
    birth_date              date NULL,
    district_code           text NULL,
    municipality            text NULL,
    postal_code             text NULL,
    vehicle_type            text NULL,
    licence_plate           text NULL,
    driving_licence_number  text NULL,
    licence_categories      text[] NOT NULL DEFAULT '{}',
    iban                    text NULL,
    availability            text NULL,
    privacy_notice_version  text NULL,
    privacy_accepted_at     timestamptz NULL,
    status                  text NOT NULL DEFAULT 'submitted'
        CHECK (status IN ('submitted', 'under_review', 'approved', 'rejected', 'withdrawn', 'erased')),
    source                  text NOT NULL DEFAULT 'typebot',
    typebot_result_id       text NULL,
    chatwoot_conversation_id bigint NULL,
    created_at              timestamptz NOT NULL DEFAULT now(),
    updated_at              timestamptz NOT NULL DEFAULT now(),
    version                 integer NOT NULL DEFAULT 1,
    erased_at               timestamptz NULL
);

-- Keyset pagination walks (created_at desc, id desc); filters narrow by status and district.
CREATE INDEX ix_drivers_created ON drivers (created_at DESC, id DESC);
CREATE INDEX ix_drivers_status_created ON drivers (status, created_at DESC, id DESC);
CREATE INDEX ix_drivers_district ON drivers (district_code);

CREATE TABLE driver_status_history (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    driver_id   uuid NOT NULL REFERENCES drivers (id) ON DELETE CASCADE,
    from_status text NULL,
    to_status   text NOT NULL,
    reason      text NULL,
    actor       text NOT NULL,
    at          timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ix_driver_status_history_driver ON driver_status_history (driver_id, at);

-- Stored responses for requests sent with an Idempotency-Key header (per API key name).
CREATE TABLE idempotency_keys (
    key           text NOT NULL,
    scope         text NOT NULL,
    request_hash  text NOT NULL,
    status_code   integer NOT NULL,
    response_body text NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    expires_at    timestamptz NOT NULL,
    PRIMARY KEY (scope, key)
);
CREATE INDEX ix_idempotency_keys_expires ON idempotency_keys (expires_at);
