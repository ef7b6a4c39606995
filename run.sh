#!/usr/bin/env bash
# The Sandbox: a private Postgres under .data/, the host with its simulated WhatsApp, Chatwoot and Typebot.
set -euo pipefail
cd "$(dirname "$0")"
source scripts/postgres.sh

PORT=${ONBOARDING_PORT:-5080}
PG_PORT=${ONBOARDING_PG_PORT:-55433}
DATA="$PWD/.data/postgres"
DEV_STAFF_KEY=${ONBOARDING_STAFF_KEY:-dev-staff-key-change-me}
DEV_TYPEBOT_KEY=${ONBOARDING_TYPEBOT_KEY:-dev-typebot-key-change-me}

pg_start "$DATA" "$PG_PORT"
trap 'echo; echo "Stopping Postgres..."; pg_stop "$DATA"' EXIT
pg_as psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname='onboarding'" | grep -q 1 \
  || pg_as psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -qc "CREATE DATABASE onboarding"

export ConnectionStrings__Onboarding="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=onboarding;GSS Encryption Mode=Disable"
export Api__Keys__0__Name=staff-dev Api__Keys__0__Key="$DEV_STAFF_KEY" Api__Keys__0__Role=staff
export Api__Keys__1__Name=typebot-dev Api__Keys__1__Key="$DEV_TYPEBOT_KEY" Api__Keys__1__Role=typebot
export ASPNETCORE_URLS="http://127.0.0.1:$PORT"
export Onboarding__Mode=${Onboarding__Mode:-Sandbox}

dotnet build src/Onboarding.Api -c Release -v quiet -nologo
cat <<INFO

  Onboarding is starting on http://127.0.0.1:$PORT
    Staff console:   http://127.0.0.1:$PORT/console
    API docs:        http://127.0.0.1:$PORT/swagger
    Staff key:       $DEV_STAFF_KEY      (header X-Api-Key)
    Typebot key:     $DEV_TYPEBOT_KEY
  Sandbox fakes on loopback: WPPConnect :$((PORT + 1)), Chatwoot :$((PORT + 2)), Typebot chat API :$((PORT + 3))
  (the driver-onboarding flow: POST http://127.0.0.1:$((PORT + 3))/api/v1/typebots/driver-onboarding/startChat)
  Ctrl+C stops the host and Postgres.

INFO
dotnet run --project src/Onboarding.Api -c Release --no-build --no-launch-profile -- "$@"
