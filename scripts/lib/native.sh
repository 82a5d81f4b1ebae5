# shellcheck shell=bash
# `melvin.sh native`: all of Melvin as plain processes on this machine, no containers.

NATIVE_SERVICES=(gateway auth chat loop-analysis ingestion-worker)
declare -A NATIVE_BASE_PORT=([gateway]=8000 [auth]=8101 [chat]=8102 [loop-analysis]=8103 [ingestion-worker]=8104)
declare -A NATIVE_PORT=()
GATEWAY_PORT=8000
NATIVE_STARTED=()   # pid files of what this invocation started, in start order

_native_dirs() {
  STATE_DIR="${MELVIN_STATE_DIR:-/var/lib/melvin}"
  LOG_DIR="$STATE_DIR/log"
  RUN_DIR="$STATE_DIR/run"
  # MELVIN_NATIVE_PORT_OFFSET shifts all five ports, for a second copy on a shared machine
  # (with its own MELVIN_STATE_DIR). Default 0: gateway 8000, the rest 8101-8104.
  local offset="${MELVIN_NATIVE_PORT_OFFSET:-0}" svc
  [[ "$offset" =~ ^[0-9]+$ ]] || die "MELVIN_NATIVE_PORT_OFFSET must be a whole number"
  for svc in "${NATIVE_SERVICES[@]}"; do
    NATIVE_PORT[$svc]=$(( NATIVE_BASE_PORT[$svc] + offset ))
  done
  GATEWAY_PORT="${NATIVE_PORT[gateway]}"
}

# A field of a URL (host, port, pathname...), parsed by Node's URL; empty if it doesn't parse.
_url_part() {
  node -e 'try { const u = new URL(process.argv[1]); process.stdout.write(String(u[process.argv[2]] ?? "")); } catch {}' "$1" "$2"
}

_native_load_env() {
  if [[ -f "$ROOT/.env" ]]; then
    log "loading $ROOT/.env"
    set -a
    # shellcheck disable=SC1091
    . "$ROOT/.env"
    set +a
  else
    log "no .env: using the defaults below (copy .env.example to .env to change them)"
  fi
  _native_file_variables
  # Exported once for all five services: auth, chat, loop-analysis (cards, read-only) and
  # ingestion-worker (writes the knowledge tables) all use POSTGRES_URL.
  _native_default NODE_ENV production
  _native_default POSTGRES_URL postgres://postgres@127.0.0.1:5432/melvin
  _native_default REDIS_URL redis://127.0.0.1:6379
  _native_default REDIS_KEY_PREFIX melvin
  _native_default MONGO_URL mongodb://127.0.0.1:27017/melvin
  _native_default DATA_DIR "${MELVIN_DATA_DIR:-$ROOT/../shared/data}"
  [[ -z "${DATA_DIR:-}" ]] || DATA_DIR="$(realpath -m "$DATA_DIR")"
  _native_default WEB_DIST_DIR "$ROOT/dist/apps/web"
  _native_default ADMIN_DIST_DIR "$ROOT/dist/apps/admin"
  # Each service gets its own HTTP_PORT below; one from .env would make them collide.
  unset HTTP_PORT
  _native_jwt_secret
  local v
  for v in NODE_ENV POSTGRES_URL REDIS_URL REDIS_KEY_PREFIX MONGO_URL DATA_DIR WEB_DIST_DIR ADMIN_DIST_DIR; do
    if [[ -n "${!v:-}" ]]; then printf '  %s=%s\n' "$v" "$(_redact "${!v}")"; fi
    v="${v}_FILE"
    if [[ -n "${!v:-}" ]]; then printf '  %s=%s\n' "$v" "${!v}"; fi
  done
  [[ -z "${JWT_SECRET_FILE:-}" ]] || printf '  JWT_SECRET_FILE=%s\n' "$JWT_SECRET_FILE"
  if [[ -n "${DATA_DIR:-}" && ! -d "$DATA_DIR" ]]; then
    warn "DATA_DIR=$DATA_DIR does not exist: ingestion will have nothing to read"
  fi
}

# _native_default NAME VALUE: export NAME=VALUE unless NAME or NAME_FILE is already set.
_native_default() {
  local file_var="$1_FILE"
  [[ -n "${!1:-}" || -n "${!file_var:-}" ]] && return 0
  export "$1=$2"
}

# The value of NAME, or the contents of the file NAME_FILE names.
_env_value() {
  local file_var="$1_FILE"
  if [[ -n "${!1:-}" ]]; then printf '%s' "${!1}"
  elif [[ -n "${!file_var:-}" && -r "${!file_var}" ]]; then tr -d '\r\n' <"${!file_var}"
  fi
}

# NAME_FILE stands in for NAME only while NAME is unset; an empty `NAME=` line (as in a copied
# template) would hide the file, so drop such empties.
_native_file_variables() {
  local var base
  while IFS= read -r var; do
    base="${var%_FILE}"
    if [[ -n "${!var:-}" && -v "$base" && -z "${!base}" ]]; then unset "$base"; fi
  done < <(compgen -e | grep '_FILE$' || true)
}

# The gateway and auth share a token-signing secret. Without one configured, native mode makes
# a random one and keeps it in the state directory, so sign-ins survive restarts.
_native_jwt_secret() {
  [[ -n "${JWT_SECRET:-}" || -n "${JWT_SECRET_FILE:-}" ]] && return 0
  local file="$STATE_DIR/secrets/jwt-secret"
  if [[ ! -s "$file" ]]; then
    mkdir -p "${file%/*}"
    chmod 700 "${file%/*}"
    (umask 077 && head -c 48 /dev/urandom | base64 -w0 >"$file")
    log "generated a JWT signing secret in $file"
  fi
  unset JWT_SECRET
  export JWT_SECRET_FILE="$file"
}

_is_local_url() {
  local host; host="$(_url_part "$1" hostname)"
  [[ "$host" == 127.0.0.1 || "$host" == localhost || "$host" == '[::1]' ]]
}

# Hides a password in a URL before it is printed.
_redact() { sed -E 's#(://[^:/@]+):[^@/]*@#\1:***@#' <<<"$1"; }

# Creates the database POSTGRES_URL names when it is missing (needs a role allowed to).
_native_ensure_database() {
  local db maint exists
  local url; url="$(_env_value POSTGRES_URL)"
  db="$(_url_part "$url" pathname)"; db="${db#/}"
  [[ -n "$db" ]] || { warn "POSTGRES_URL names no database; not creating one"; return 0; }
  [[ "$db" =~ ^[A-Za-z0-9_-]+$ ]] || { warn "unusual database name '$db'; not creating it"; return 0; }
  maint="$(node -e 'const u = new URL(process.argv[1]); u.pathname = "/postgres"; process.stdout.write(u.href)' "$url")"
  if ! exists="$(psql "$maint" -X -tA -c "SELECT 1 FROM pg_database WHERE datname = '$db'" 2>&1)"; then
    warn "could not check for database '$db': $exists"
    return 0
  fi
  if [[ "$exists" == 1 ]]; then
    log "database '$db' exists"
  else
    psql "$maint" -X -q -v ON_ERROR_STOP=1 -c "CREATE DATABASE \"$db\"" || die "could not create database '$db'"
    log "created database '$db'"
  fi
}

# Starts FerretDB on 27017 with persistent data, unless MONGO_URL points elsewhere or something
# (another FerretDB, a real MongoDB) already answers there.
_native_ensure_mongo() {
  local host port url
  url="$(_env_value MONGO_URL)"
  host="$(_url_part "$url" hostname)"
  port="$(_url_part "$url" port)"; port="${port:-27017}"
  if ! _is_local_url "$url"; then
    log "MONGO_URL points at '$host': not starting a local FerretDB"
    return 0
  fi
  if port_open 127.0.0.1 "$port"; then
    log "something already answers on 127.0.0.1:$port: using it for MONGO_URL"
    return 0
  fi
  ensure_ferretdb_binary
  start_ferretdb "$port" "$STATE_DIR/ferretdb" "$STATE_DIR/ferretdb-state" \
    "$LOG_DIR/ferretdb.log" "$RUN_DIR/ferretdb.pid"
  NATIVE_STARTED+=("$RUN_DIR/ferretdb.pid")
}

_native_check_ports() {
  local svc
  for svc in "${NATIVE_SERVICES[@]}"; do
    if port_open 127.0.0.1 "${NATIVE_PORT[$svc]}"; then
      die "port ${NATIVE_PORT[$svc]} ($svc) is already in use by another program (see: ss -ltnp | grep :${NATIVE_PORT[$svc]})"
    fi
  done
}

_native_running() {
  local svc pid out=()
  for svc in "${NATIVE_SERVICES[@]}"; do
    if pid="$(pidfile_pid "$RUN_DIR/$svc.pid")"; then out+=("$svc=$pid"); fi
  done
  printf '%s' "${out[*]}"
}

_native_show_logs() {
  local svc
  for svc in "${NATIVE_SERVICES[@]}"; do
    [[ -f "$LOG_DIR/$svc.log" ]] || continue
    printf '\n----- last lines of %s -----\n' "$LOG_DIR/$svc.log" >&2
    tail -n 25 "$LOG_DIR/$svc.log" >&2
  done
}

# Stops what this invocation started: the services together (gateway signalled first, so no
# new work arrives), then the FerretDB they used.
_native_stop_started() {
  local file
  local -a services=() others=()
  restore_console
  for file in "${NATIVE_STARTED[@]}"; do
    if [[ "$file" == */ferretdb.pid ]]; then others+=("$file"); else services+=("$file"); fi
  done
  [[ ${#services[@]} -eq 0 ]] || stop_pidfiles 20 "${services[@]}"
  [[ ${#others[@]} -eq 0 ]] || stop_pidfiles 20 "${others[@]}"
  NATIVE_STARTED=()
}

_native_gateway_healthy() { curl -fsS -o /dev/null --max-time 5 "http://127.0.0.1:$GATEWAY_PORT/api/health"; }

cmd_native() {
  local detach=0 arg svc timeout deadline
  if [[ "${1:-}" == stop ]]; then shift; cmd_native_stop "$@"; return; fi
  for arg in "$@"; do
    case "$arg" in
      --detach|-d) detach=1 ;;
      *) die "native: unknown argument '$arg' (usage: native [--detach] | native stop)" ;;
    esac
  done
  # shellcheck disable=SC2034 # read by log/warn/die in common.sh
  _LOG_TAG=melvin-native
  cd "$ROOT" || exit 1
  exec </dev/null
  _native_dirs
  mkdir -p "$LOG_DIR" "$RUN_DIR"

  local running; running="$(_native_running)"
  [[ -z "$running" ]] || die "Melvin already runs natively ($running); stop it first: ./scripts/melvin.sh native stop"
  _native_check_ports

  step "configuration"
  _native_load_env

  # From here on, a failure or Ctrl-C stops whatever was already started.
  save_console
  trap '_native_stop_started' EXIT
  trap '_native_abort INT 130' INT
  trap '_native_abort TERM 143' TERM

  step "npm dependencies"
  ensure_node_modules
  step "PostgreSQL"
  if _is_local_url "$(_env_value POSTGRES_URL)"; then ensure_postgres; else log "POSTGRES_URL is not local: not managing PostgreSQL"; fi
  _native_ensure_database
  step "Redis"
  if _is_local_url "$(_env_value REDIS_URL)"; then ensure_redis; else log "REDIS_URL is not local: not managing Redis"; fi
  step "MongoDB wire protocol (FerretDB)"
  _native_ensure_mongo

  step "build (npm run build)"
  NX_DAEMON=false NX_NO_CLOUD=true npm run build || die "build failed"

  # The CLI applies every context's migrations, identity, knowledge, conversations: what the auth,
  # ingestion-worker and chat images' `node main.js migrate` one-shots do in compose and k8s.
  step "migrate (npm run migrate: identity, knowledge, conversations)"
  npm run migrate || die "migrations failed"

  step "start services"
  _native_check_ports   # again: the build takes minutes, and something may have taken a port since
  for svc in "${NATIVE_SERVICES[@]}"; do
    [[ -f "dist/apps/$svc/main.js" ]] || die "dist/apps/$svc/main.js missing after the build"
    spawn_daemon "$LOG_DIR/$svc.log" "$RUN_DIR/$svc.pid" env HTTP_PORT="${NATIVE_PORT[$svc]}" node "dist/apps/$svc/main.js"
    NATIVE_STARTED+=("$RUN_DIR/$svc.pid")
    log "$svc: pid $(<"$RUN_DIR/$svc.pid"), port ${NATIVE_PORT[$svc]}, log $LOG_DIR/$svc.log"
  done

  step "waiting for http://127.0.0.1:$GATEWAY_PORT/api/health"
  timeout="${MELVIN_HEALTH_TIMEOUT:-90}"
  deadline=$(( $(date +%s) + timeout ))
  until _native_gateway_healthy 2>/dev/null; do
    for svc in "${NATIVE_SERVICES[@]}"; do
      if ! pidfile_pid "$RUN_DIR/$svc.pid" >/dev/null; then
        _native_show_logs
        die "$svc exited during start-up (log: $LOG_DIR/$svc.log)"
      fi
    done
    if (( $(date +%s) >= deadline )); then
      _native_show_logs
      die "Melvin was not healthy within ${timeout}s"
    fi
    sleep 1
  done

  step "Melvin is up"
  printf '  web app:  http://localhost:%s\n  admin:    http://localhost:%s/admin\n  API docs: http://localhost:%s/api/docs\n' \
    "$GATEWAY_PORT" "$GATEWAY_PORT" "$GATEWAY_PORT"
  printf '  logs:     %s/<service>.log (JSON lines)\n' "$LOG_DIR"

  if [[ $detach -eq 1 ]]; then
    trap - EXIT INT TERM
    printf '  stop:     ./scripts/melvin.sh native stop\n'
    return 0
  fi

  printf '  Ctrl-C stops everything started here.\n'
  # The handlers only note the signal; the loop below notices it within a moment and stops
  # everything from the main flow, with the console intact.
  NATIVE_STOP_SIGNAL=''
  trap 'NATIVE_STOP_SIGNAL=INT' INT
  trap 'NATIVE_STOP_SIGNAL=TERM' TERM
  declare -A reported=()
  while [[ -z "$NATIVE_STOP_SIGNAL" ]]; do
    for svc in "${NATIVE_SERVICES[@]}"; do
      if [[ -z "${reported[$svc]:-}" ]] && ! pidfile_pid "$RUN_DIR/$svc.pid" >/dev/null; then
        warn "$svc has exited; see $LOG_DIR/$svc.log"
        reported[$svc]=1
      fi
    done
    [[ -n "$NATIVE_STOP_SIGNAL" ]] && break
    sleep 2 & wait $! || true
  done
  trap 'warn "already stopping, please wait"' INT TERM
  trap - EXIT
  printf '\n'
  log "received SIG$NATIVE_STOP_SIGNAL: stopping Melvin"
  _native_stop_started
  log "stopped"
  exit 0
}

# Ctrl-C or SIGTERM before Melvin is up: the EXIT trap stops what was started.
_native_abort() {
  restore_console
  warn "received SIG$1 during start-up: stopping what was started"
  exit "$2"
}

cmd_native_stop() {
  local svc running
  local -a files=()
  # shellcheck disable=SC2034 # read by log/warn/die in common.sh
  _LOG_TAG=melvin-native
  _native_dirs
  step "stopping native Melvin"
  running="$(_native_running)"
  for svc in "${NATIVE_SERVICES[@]}"; do files+=("$RUN_DIR/$svc.pid"); done
  stop_pidfiles 20 "${files[@]}"
  # Only a FerretDB that `native` started has a pid file here; one found running is left alone.
  if pidfile_pid "$RUN_DIR/ferretdb.pid" >/dev/null; then running+=" ferretdb"; fi
  stop_pidfiles 20 "$RUN_DIR/ferretdb.pid"
  if [[ -n "${running// /}" ]]; then log "stopped"; else log "nothing was running (no live pid files in $RUN_DIR)"; fi
}
