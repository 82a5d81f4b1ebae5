#!/usr/bin/env bash
# shellcheck source-path=SCRIPTDIR
# Melvin's operator entry point. Run `./scripts/melvin.sh help` for the commands.
# Works as root without a terminal (CI), and every step is safe to repeat.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
LIB="$ROOT/scripts/lib"
# shellcheck source=lib/common.sh
. "$LIB/common.sh"
# shellcheck source=lib/deps.sh
. "$LIB/deps.sh"
# shellcheck source=lib/ferretdb.sh
. "$LIB/ferretdb.sh"
# shellcheck source=lib/test.sh
. "$LIB/test.sh"
# shellcheck source=lib/native.sh
. "$LIB/native.sh"
# shellcheck source=lib/launch.sh
. "$LIB/launch.sh"

usage() {
  cat <<'USAGE'
Melvin - operator commands

usage: ./scripts/melvin.sh <command> [options]

  test                 Install dependencies, start PostgreSQL, Redis and a throw-away FerretDB,
                       then run every test phase and print a summary (what CI runs).
                         phases: lint typecheck unit build integration e2e compose images
                         MELVIN_TEST_PHASES="lint unit"  run only these phases
                         MELVIN_SKIP_IMAGES=1            skip compose + images
                         MELVIN_TEST_FERRET_PORT=27027   port of the test FerretDB (default: 27027,
                                                         or the next free one if that is taken)
  native [--detach]    Build and run all five services as local processes (no Docker), using
                       PostgreSQL, Redis and FerretDB on this machine; .env is read if present.
                       Foreground by default (Ctrl-C stops it); --detach returns once healthy.
                         state, logs, pid files: /var/lib/melvin (MELVIN_STATE_DIR)
  native stop          Stop what `native` started.
  launch               Build and start the stack with docker compose (or podman-compose /
                       docker-compose v1); needs .env (cp .env.example .env).
                       NOTE: the compose stack itself is completed by a later release; this
                       command could not be exercised on the build machines (no images to pull).
  launch stop          `compose down` for that stack.
  admin create --username NAME [--password-stdin]
  users pending | approve NAME | deny NAME [--reason TEXT] | reset-password NAME | disable NAME | enable NAME
                       Account operations from a shell (the operator CLI, `npm run melvin -- ...`);
                       they read POSTGRES_URL (and .env when present) and are audited as the operator.
  help                 This text.

Once up: http://localhost:8000 (web), /admin (admin console), /api/docs (API reference).
Other settings: MELVIN_TOOLS_DIR (cached FerretDB build, default /var/tmp/melvin-tools),
MELVIN_DATA_DIR (source data, default ../shared/data), MELVIN_HEALTH_TIMEOUT (seconds),
MELVIN_NATIVE_PORT_OFFSET (native: add N to every service port, e.g. for a second copy).
USAGE
}

# The operator CLI, with the environment `native` gives the services (.env, then defaults).
run_operator_cli() {
  cd "$ROOT"
  _native_dirs
  _native_load_env >/dev/null
  exec npm run --silent melvin -- "$@"
}

main() {
  local command="${1:-help}"
  [[ $# -gt 0 ]] && shift
  case "$command" in
    test)            cmd_test "$@" ;;
    native)          cmd_native "$@" ;;
    launch)          cmd_launch "$@" ;;
    admin|users)     run_operator_cli "$command" "$@" ;;
    help|-h|--help)  usage ;;
    *)               usage >&2; die "unknown command '$command'" ;;
  esac
}

main "$@"
