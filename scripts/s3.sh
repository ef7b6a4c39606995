#!/usr/bin/env bash
# An S3-compatible server for the tests: s3rver from the npm registry (Node.js from the OS packages if missing), on a
# free port of 127.0.0.1, credentials S3RVER / S3RVER. Shared by test.sh and the tests' own fallback (tests/Shared/S3TestServer.cs).
#   scripts/s3.sh start <dir> [pid-to-follow]   prints the URL (http://127.0.0.1:PORT) once it answers
#   scripts/s3.sh stop <dir>
# Or sourced: s3_start <dir> [pid]; s3_stop <dir>.
set -euo pipefail

S3RVER_VERSION=3.7.1
S3_SCRIPTS=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

s3_install() {
  if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
    echo "Node.js not found: installing it from the OS packages..." >&2
    if [[ $(id -u) -eq 0 ]]; then SUDO=""; else SUDO="sudo"; fi
    $SUDO apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq nodejs npm >&2
  fi
  local dir="${ONBOARDING_TOOLS_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/onboarding}/s3rver-$S3RVER_VERSION"
  if [[ ! -f "$dir/node_modules/s3rver/package.json" ]]; then
    mkdir -p "$dir"
    echo "installing s3rver $S3RVER_VERSION into $dir..." >&2
    npm install --prefix "$dir" --no-audit --no-fund --no-save --loglevel=error "s3rver@$S3RVER_VERSION" >&2
  fi
  echo "$dir"
}

s3_start() {
  local dir="$1" follow="${2:-}" install line i
  install=$(s3_install)
  mkdir -p "$dir/data"
  : >"$dir/server.log"
  node "$S3_SCRIPTS/s3/serve.js" "$install" "$dir/data" 0 $follow >"$dir/server.log" 2>&1 </dev/null &
  echo $! >"$dir/pid"
  for i in $(seq 1 300); do
    line=$(grep -m1 '^S3 http' "$dir/server.log" || true)
    if [[ -n "$line" ]]; then
      echo "${line#S3 }"
      return 0
    fi
    if ! kill -0 "$(cat "$dir/pid")" 2>/dev/null; then break; fi
    sleep 0.1
  done
  echo "s3rver did not start:" >&2
  cat "$dir/server.log" >&2
  s3_stop "$dir"
  return 1
}

s3_stop() {
  local dir="$1"
  if [[ -f "$dir/pid" ]]; then
    kill "$(cat "$dir/pid")" 2>/dev/null || true
    rm -f "$dir/pid"
  fi
}

if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
  case "${1:-}" in
    start) s3_start "${2:?data dir}" "${3:-}" ;;
    stop) s3_stop "${2:?data dir}" ;;
    *) echo "usage: $0 start|stop <dir> [pid-to-follow]" >&2; exit 2 ;;
  esac
fi
