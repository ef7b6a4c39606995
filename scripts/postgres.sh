#!/usr/bin/env bash
# Shared by run.sh, test.sh and bench: find or install PostgreSQL from the OS packages and run a private cluster.
# Usage: source scripts/postgres.sh; pg_start <data-dir> <port>; pg_stop <data-dir>
#        PG_PORT=$(pg_start_free <data-dir> <first-port> <span> [fixed-port])
set -euo pipefail

pg_bindir() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  if [[ -z "$dir" || ! -x "$dir/initdb" ]]; then
    echo "PostgreSQL server not found: installing it from the OS packages..." >&2
    if [[ $(id -u) -eq 0 ]]; then SUDO=""; else SUDO="sudo"; fi
    $SUDO apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq postgresql >&2
    dir=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  fi
  echo "$dir"
}

# Runs a command as the unprivileged postgres user when we are root (initdb refuses root).
pg_as() {
  if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

pg_start() {
  local data="$1" port="$2" bin
  bin=$(pg_bindir)
  mkdir -p "$data"
  if [[ $(id -u) -eq 0 ]]; then chown -R postgres:postgres "$data"; fi
  if [[ ! -f "$data/PG_VERSION" ]]; then
    pg_as "$bin/initdb" -D "$data" -U postgres -A trust -E UTF8 --no-locale >/dev/null
  fi
  if ! pg_as "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1; then
    pg_as "$bin/pg_ctl" -D "$data" -w -l "$data/server.log" \
      -o "-k $data -p $port -c listen_addresses=127.0.0.1 -c max_connections=300 ${PG_EXTRA_OPTS:-}" start >/dev/null
  fi
}

# Starts the cluster on a random port in [first, first + span), trying others when one is in use (another server, or
# an outgoing connection's local port); with a fixed port, only that one. Prints the port.
pg_start_free() {
  local data="$1" first="$2" span="$3" fixed="${4:-}" port attempt
  for attempt in 1 2 3 4 5; do
    port=${fixed:-$(( first + RANDOM % span ))}
    if pg_start "$data" "$port" >&2; then echo "$port"; return 0; fi
    [[ -z "$fixed" ]] || return 1
  done
  return 1
}

pg_stop() {
  local data="$1" bin
  bin=$(pg_bindir)
  pg_as "$bin/pg_ctl" -D "$data" -m fast -w stop >/dev/null 2>&1 || true
}
