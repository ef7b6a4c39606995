#!/bin/bash
# Runs once, when the Postgres volume is first initialised: Chatwoot uses the database named by POSTGRES_DB as the
# superuser; Onboarding and Typebot each get their own role and database on the same server.
set -euo pipefail

: "${ONBOARDING_DB_PASSWORD:?ONBOARDING_DB_PASSWORD is required}"
: "${TYPEBOT_DB_PASSWORD:?TYPEBOT_DB_PASSWORD is required}"

psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
  -v onboarding_password="$ONBOARDING_DB_PASSWORD" -v typebot_password="$TYPEBOT_DB_PASSWORD" <<'SQL'
CREATE ROLE onboarding LOGIN PASSWORD :'onboarding_password';
CREATE DATABASE onboarding OWNER onboarding;
CREATE ROLE typebot LOGIN PASSWORD :'typebot_password';
CREATE DATABASE typebot OWNER typebot;
SQL
