#!/usr/bin/env bash
# Restores a dump made by scripts/backup.sh into a target database, replacing the objects it contains.
set -euo pipefail

usage() {
  cat >&2 <<'USAGE'
Usage: scripts/restore.sh [--yes] [--url postgresql://user:password@host:port/database] <dump-file>

Restores <dump-file> (pg_dump custom format) into the database named by --url, or by the PG* environment
variables (PGHOST, PGPORT, PGUSER, PGPASSWORD, PGDATABASE), with
pg_restore --clean --if-exists --no-owner, in one transaction: on any error nothing changes.
The target database must exist. When it already has tables, the restore drops and replaces them, and only runs
with --yes. Stop every Onboarding replica first. PG_BINDIR overrides where pg_restore is taken from.
Exit codes: 0 restored, 2 usage, 3 refused (target not empty and no --yes), other: the failing command's.
USAGE
  exit 2
}

yes=false url="" dump=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --yes) yes=true; shift ;;
    --url) [[ $# -ge 2 ]] || usage; url="$2"; shift 2 ;;
    --url=*) url="${1#--url=}"; shift ;;
    -h|--help) usage ;;
    -*) echo "restore.sh: unknown option $1" >&2; usage ;;
    *) [[ -z "$dump" ]] || usage; dump="$1"; shift ;;
  esac
done
[[ -n "$dump" ]] || usage
if [[ ! -r "$dump" ]]; then
  echo "restore.sh: cannot read $dump" >&2
  exit 2
fi

# Without a target database pg_restore would print SQL instead of restoring.
target="${url:-${PGDATABASE:-}}"
if [[ -z "$target" ]]; then
  echo "restore.sh: name the target database with --url or PGDATABASE" >&2
  exit 2
fi

# pg_bindir: the newest PostgreSQL installed from the OS packages, the same lookup run.sh and test.sh use.
source "$(dirname "$0")/postgres.sh"
bin="${PG_BINDIR:-$(pg_bindir)}"

info=$("$bin/psql" --no-psqlrc --no-password --quiet --tuples-only --no-align --field-separator='|' \
  --dbname="$target" --command="SELECT current_database(), count(*) FROM pg_catalog.pg_tables
                                 WHERE schemaname NOT IN ('pg_catalog', 'information_schema')")
IFS='|' read -r database tables <<<"$info"

if [[ "$tables" -gt 0 && "$yes" != true ]]; then
  echo "restore.sh: database $database already has $tables table(s); the restore would drop and replace them." >&2
  echo "restore.sh: run again with --yes to do that." >&2
  exit 3
fi

echo "Restoring $dump into $database..." >&2
"$bin/pg_restore" --no-password --clean --if-exists --no-owner --single-transaction --exit-on-error \
  --dbname="$target" "$dump"
echo "Restored $dump into $database." >&2
