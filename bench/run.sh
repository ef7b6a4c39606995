#!/usr/bin/env bash
# Benchmarks: Release build, a throwaway Postgres, the host as a child process against in-process fakes of WPPConnect
# and Chatwoot (and the Cloud API), then the fault suites over each transport. Writes bench/results/latest.md (or --out). Usage: ./bench/run.sh [--quick] [--long] [--only a,b] [--out f.md]
#   --quick  shorter windows and smaller counts (a few minutes)
#   --long   adds the fault suite's long variants (10,000 messages each, a 10-minute outage compressed tenfold)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/postgres.sh

TMP=$(mktemp -d /tmp/onboarding-bench.XXXXXX)
chmod 755 "$TMP"
# fsync off by default: on this shared machine a commit's flush waits on everyone's disk writes, which is not the
# code under test. BENCH_PG_OPTS="" measures a durable cluster (the report header says which).
PG_PORT=$(PG_EXTRA_OPTS="${BENCH_PG_OPTS--c fsync=off}" pg_start_free "$TMP/pg" 58000 1000 "${ONBOARDING_BENCH_PG_PORT:-}")
cleanup() { pg_stop "$TMP/pg"; rm -rf "$TMP"; }
trap cleanup EXIT
export ONBOARDING_BENCH_POSTGRES="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=postgres;GSS Encryption Mode=Disable"
export BENCH_PG_DATA="$TMP/pg"

echo "== build (Release)"
dotnet build bench/Onboarding.Bench -c Release -v quiet -nologo -clp:ErrorsOnly
BENCH_COMMIT=$(git rev-parse --short HEAD)
git diff --quiet HEAD -- src bench ':!bench/results' || BENCH_COMMIT="$BENCH_COMMIT (with uncommitted changes)"
export BENCH_COMMIT

dotnet bench/Onboarding.Bench/bin/Release/net10.0/Onboarding.Bench.dll \
  --api src/Onboarding.Api/bin/Release/net10.0/Onboarding.Api.dll --out bench/results/latest.md "$@"
