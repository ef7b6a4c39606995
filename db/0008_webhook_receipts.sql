-- Signed Chatwoot webhooks already seen, so that a replay within the signature window is applied once
-- (docs/0019): the signature's hash (what a replayer cannot change) and Chatwoot's X-Chatwoot-Delivery id.
-- Retention deletes rows older than twice the window.
CREATE TABLE webhook_receipts (
    receipt_key text PRIMARY KEY,
    received_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX webhook_receipts_received_at ON webhook_receipts (received_at);
