-- WhatsApp delivery receipts (onack) can arrive before the send that caused them has recorded its message id, so
-- they are kept here and matched by whichever comes second: the receipt or the recorded send.
CREATE TABLE message_receipts (
    wa_message_id text PRIMARY KEY,
    ack           integer NOT NULL,
    updated_at    timestamptz NOT NULL DEFAULT now()
);
