#!/usr/bin/env bash
# The Sandbox: a private Postgres under .data/, the Sandbox program (the host with its simulated WhatsApp, Chatwoot
# and Typebot).
set -euo pipefail
cd "$(dirname "$0")"
source scripts/postgres.sh

# ./run.sh --flow FILE: the Sandbox's bot runs FILE (an edited Typebot export) instead of the shipped flows.
# ./run.sh --cloud-api: WhatsApp goes through the fake WhatsApp Cloud API (Meta's Graph API) instead of the fake
# WPPConnect; the Sandbox points the host's Cloud API settings at it (docs/0046).
ARGS=()
while [ $# -gt 0 ]; do
  case "$1" in
    --cloud-api) export WhatsApp__Transport=CloudApi; shift ;;
    --flow) [ $# -ge 2 ] || { echo "usage: ./run.sh [--cloud-api] [--flow FILE]" >&2; exit 2; }
            [ -f "$2" ] || { echo "no such flow file: $2" >&2; exit 2; }
            export Sandbox__Flow="$(cd "$(dirname "$2")" && pwd)/$(basename "$2")"; shift 2 ;;
    *) ARGS+=("$1"); shift ;;
  esac
done

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

# The Sandbox program (src/Onboarding.Sandbox): the production host composed with the fakes; building it builds the host.
dotnet build src/Onboarding.Sandbox -c Release -v quiet -nologo
if [ -n "${Sandbox__Flow:-}" ]; then
  echo; echo "  Checking $Sandbox__Flow (the Sandbox runs it whatever the verdict):"
  dotnet src/Onboarding.Api/bin/Release/net10.0/Onboarding.Api.dll flows check "$Sandbox__Flow" | sed 's/^/    /' || true
fi
# The host prints the URLs, keys and webhook secrets once it listens (the last thing shown at start).
dotnet run --project src/Onboarding.Sandbox -c Release --no-build --no-launch-profile -- ${ARGS[@]+"${ARGS[@]}"}
