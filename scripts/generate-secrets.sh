#!/usr/bin/env bash
# Prints deploy/.env.example with every change-me value replaced by a fresh random secret (openssl rand -hex 32;
# TYPEBOT_ENCRYPTION_SECRET gets exactly 32 characters). The Chatwoot values that exist only after Chatwoot's own setup
# (CHATWOOT_API_TOKEN, CHATWOOT_WEBHOOK_SECRET) and the SMTP account stay placeholders: Onboarding refuses to start until they are filled in.
#   cd deploy && ../scripts/generate-secrets.sh > .env && chmod 600 .env
set -euo pipefail
example="$(dirname "$0")/../deploy/.env.example"
while IFS= read -r line || [ -n "$line" ]; do
  case "$line" in
    CHATWOOT_API_TOKEN=*|CHATWOOT_WEBHOOK_SECRET=*|SMTP_USERNAME=*|SMTP_PASSWORD=*) echo "$line" ;;
    TYPEBOT_ENCRYPTION_SECRET=*change-me*) echo "TYPEBOT_ENCRYPTION_SECRET=$(openssl rand -hex 16)" ;;
    [A-Z]*=*change-me*) echo "${line%%=*}=$(openssl rand -hex 32)" ;;
    *) echo "$line" ;;
  esac
done < "$example"
