-- The WhatsApp Cloud API as a second transport (docs/0042): its webhook records messages in the same ledger, marked
-- as received through it, and a failed status carries Meta's error for the agents.
ALTER TABLE inbound_messages DROP CONSTRAINT IF EXISTS inbound_messages_received_via_check;
ALTER TABLE inbound_messages ADD CONSTRAINT inbound_messages_received_via_check
    CHECK (received_via IN ('webhook', 'poll', 'cloudapi'));

ALTER TABLE message_receipts ADD COLUMN error text NULL;
