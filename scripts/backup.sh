#!/usr/bin/env bash
# Dumps one Postgres database (pg_dump custom format) into a timestamped file and prints the file's path.
set -euo pipefail

usage() {
  cat >&2 <<'USAGE'
Usage: scripts/backup.sh [--url postgresql://user:password@host:port/database] <output-directory>

Dumps the database named by --url, or by the PG* environment variables (PGHOST, PGPORT, PGUSER, PGPASSWORD,
PGDATABASE; ~/.pgpass works too), with pg_dump --format=custom into
<output-directory>/<database>-<UTC timestamp>.dump, and prints that path on stdout.
Restore it with scripts/restore.sh. PG_BINDIR overrides where pg_dump is taken from; it must be the server's
major version or newer.
USAGE
  exit 2
}

url="" out=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --url) [[ $# -ge 2 ]] || usage; url="$2"; shift 2 ;;
    --url=*) url="${1#--url=}"; shift ;;
    -h|--help) usage ;;
    -*) echo "backup.sh: unknown option $1" >&2; usage ;;
    *) [[ -z "$out" ]] || usage; out="$1"; shift ;;
  esac
done
[[ -n "$out" ]] || usage

target="${url:-${PGDATABASE:-}}"
if [[ -z "$target" ]]; then
  echo "backup.sh: name the database with --url or PGDATABASE" >&2
  exit 2
fi

# pg_bindir: the newest PostgreSQL installed from the OS packages, the same lookup run.sh and test.sh use.
source "$(dirname "$0")/postgres.sh"
bin="${PG_BINDIR:-$(pg_bindir)}"

database=$("$bin/psql" --no-psqlrc --no-password --quiet --tuples-only --no-align \
  --dbname="$target" --command="SELECT current_database()")

# Backups hold personal data: readable by their owner only.
umask 077
mkdir -p "$out"
file="$out/$database-$(date -u +%Y%m%dT%H%M%SZ).dump"
partial="$file.partial"
trap 'rm -f "$partial"' EXIT

"$bin/pg_dump" --no-password --format=custom --file="$partial" --dbname="$target"
mv "$partial" "$file"
trap - EXIT
echo "$file"
