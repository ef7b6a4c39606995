#!/usr/bin/env bash
# The whole suite on a throwaway Postgres and S3-compatible server (s3rver), plus the formatting check. Prints
# "N passed, N failed" last, after a short list of what failed.
set -euo pipefail
cd "$(dirname "$0")"
source scripts/postgres.sh
source scripts/s3.sh

command -v chromium >/dev/null 2>&1 || { [[ $(id -u) -eq 0 ]] && { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; } || true; }

TMP=$(mktemp -d /tmp/onboarding-test.XXXXXX)
chmod 755 "$TMP"
PG_PORT=$(PG_EXTRA_OPTS="-c fsync=off -c synchronous_commit=off -c full_page_writes=off" pg_start_free "$TMP/pg" 56000 2000 "${ONBOARDING_TEST_PG_PORT:-}")
cleanup() { s3_stop "$TMP/s3"; pg_stop "$TMP/pg"; rm -rf "$TMP"; }
trap cleanup EXIT
export ONBOARDING_TEST_POSTGRES="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=postgres;GSS Encryption Mode=Disable"
# The document store's tests and the deploy tests run against it (tests/Shared/S3TestServer.cs); it follows this script.
ONBOARDING_TEST_S3_URL=$(s3_start "$TMP/s3" $$)
export ONBOARDING_TEST_S3_URL ONBOARDING_TEST_S3_ACCESS_KEY=S3RVER ONBOARDING_TEST_S3_SECRET_KEY=S3RVER

echo "== restore and build"
dotnet restore Onboarding.sln -v quiet
dotnet build Onboarding.sln --no-restore -v quiet -nologo -clp:ErrorsOnly

echo "== dotnet format --verify-no-changes"
dotnet format Onboarding.sln --verify-no-changes --no-restore

echo "== compose config (deploy/docker-compose.yml with deploy/.env.example)"
docker compose version >/dev/null 2>&1 || command -v docker-compose >/dev/null 2>&1 || { [[ $(id -u) -eq 0 ]] && { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq docker-compose >/dev/null; } || true; }
if docker compose version >/dev/null 2>&1; then compose=(docker compose); elif command -v docker-compose >/dev/null 2>&1; then compose=(docker-compose); else compose=(); fi
if [[ ${#compose[@]} -gt 0 ]]; then "${compose[@]}" -f deploy/docker-compose.yml --env-file deploy/.env.example config -q; else echo "no docker compose or docker-compose: skipped"; fi

passed=0; failed=0; status=0
for project in tests/*/*.csproj; do
  name=$(basename "$project" .csproj)
  echo "== $name"
  log="$TMP/$name.log"
  set +e
  dotnet test --project "$project" --no-build 2>&1 | tee "$log"
  code=${PIPESTATUS[0]}
  set -e
  # Microsoft.Testing.Platform ends with "total: N", "failed: N", "succeeded: N" lines.
  p=$(grep -E '^\s*succeeded: *[0-9]+' "$log" | tail -n 1 | grep -oE '[0-9]+' || true)
  f=$(grep -E '^\s*failed: *[0-9]+' "$log" | tail -n 1 | grep -oE '[0-9]+' || true)
  passed=$(( passed + ${p:-0} )); failed=$(( failed + ${f:-0} ))
  if [[ $code -ne 0 ]]; then status=1; [[ -z "$f" || "$f" == 0 ]] && failed=$(( failed + 1 )); fi
done

# The failures again, short, just above the count line: a long log's head is what a truncated CI view loses.
if [[ $status -ne 0 ]]; then
  echo "== failures"
  for log in "$TMP"/*.log; do
    awk '/^failed [A-Za-z_]/ { n = 8; print; next } n > 0 && /^    at / { n = 0 } n > 0 { print; n-- }' "$log"
  done
fi

echo "$passed passed, $failed failed"
exit $status
