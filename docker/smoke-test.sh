#!/usr/bin/env bash
# Smoke test of the Melvin images (build them first: docker/build-images.sh).
#
# Runs the images the way production does (read-only root filesystem, no
# capabilities, no-new-privileges, the image's own non-root user) against the
# PostgreSQL and Redis of this machine, and proves:
#   1. the three one-shot migrations every install runs, in order: `node main.js
#      migrate` in the auth image (identity tables), then in the ingestion-worker
#      image (knowledge tables), then in the chat image (conversation tables);
#      each applies its migrations into a fresh database, and a second run of
#      each finds nothing to do and also succeeds;
#   2. bcrypt (native) loads in the auth image;
#   3. gateway and auth answer 200 on /health/ready from INSIDE their containers,
#      and the image HEALTHCHECK passes (`podman healthcheck run`);
#   4. the gateway's port answers from the host: /health/ready, the web app at /
#      and the admin console at /admin/ (the bundles baked into the image).
# With MONGO_URL set (the MongoDB-wire server, e.g. FerretDB), chat,
# loop-analysis and ingestion-worker are started too, each must be ready, and
# the gateway's /api/health (every service, asked over Redis) must answer 200.
# (The ingestion-worker and chat images are needed either way, for their
# migrations.) The
# worker registers its refresh schedule as in production, but does not start a
# first ingestion (KNOWLEDGE_INGEST_ON_BOOT=false): loading every card would
# run on past the checks and prove nothing this script looks at.
#
# Everything is namespaced by a random run id and removed on exit, pass or fail:
# containers, the database melvin_smoke_<id>, Redis keys melvin-smoke-<id>*, and
# the Mongo database melvin_smoke_<id>.
#
# Env:
#   SMOKE_NETWORK   host (default): containers share the host's network namespace,
#                   so 127.0.0.1 is the host's loopback, where PostgreSQL/Redis
#                   listen; each service gets a free port via HTTP_PORT.
#                   slirp4netns: user-mode network with allow_host_loopback
#                   (the host's 127.0.0.1 is 10.0.2.2 inside); the gateway's
#                   8000 is published with -p to a free host port.
#                   (The default bridge network cannot reach services bound to
#                   the host's 127.0.0.1 only.)
#   POSTGRES_ADMIN_URL  default postgres://postgres@127.0.0.1:5432/postgres
#   REDIS_URL           default redis://127.0.0.1:6379
#   MONGO_URL           optional, e.g. mongodb://127.0.0.1:27027
#   MELVIN_DATA_DIR     mounted read-only as the ingestion worker's /data
#                       (default ../shared/data next to the checkout)
#   TAG / IMAGE_REPO    images to test, by tag (melvin/<service>:dev). When neither is
#                       set and docker/build-images.sh ran in this checkout, the exact
#                       image IDs it built are tested instead (tmp/image-builds/images.env):
#                       another checkout on the same machine may retag :dev meanwhile.
#   SMOKE_TIMEOUT       seconds to wait for each service to become ready (default 90)
set -euo pipefail
exec </dev/null

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TAG_SET="${TAG:-}${IMAGE_REPO:-}"
TAG="${TAG:-dev}"
REPO="${IMAGE_REPO:-melvin}"
NETWORK_MODE="${SMOKE_NETWORK:-host}"
TIMEOUT="${SMOKE_TIMEOUT:-90}"
PG_ADMIN_URL="${POSTGRES_ADMIN_URL:-postgres://postgres@127.0.0.1:5432/postgres}"
HOST_REDIS_URL="${REDIS_URL:-redis://127.0.0.1:6379}"
HOST_MONGO_URL="${MONGO_URL:-}"
DATA_DIR_HOST="${MELVIN_DATA_DIR:-$ROOT/../shared/data}"

RUN_ID="$(od -An -N4 -tx4 /dev/urandom | tr -d ' \n')"
DB_NAME="melvin_smoke_${RUN_ID}"
KEY_PREFIX="melvin-smoke-${RUN_ID}"
# Throwaway signing secret shared by auth and gateway for this run only.
JWT_SECRET="$(od -An -N32 -tx1 /dev/urandom | tr -d ' \n')"
NAME_PREFIX="melvin-smoke-${RUN_ID}"
WORK_DIR="$(mktemp -d "${TMPDIR:-/tmp}/melvin-smoke.XXXXXX")"

STARTED=()        # container names, for logs and cleanup
DB_CREATED=0
LOGS_SHOWN=0
declare -A PORT=()   # service -> port the service listens on inside its container
declare -A IMAGE=()  # service -> image reference (tag or ID) under test

# podman cannot register HEALTHCHECK timers without systemd and says so on every
# run/rm; harmless here (the check is run explicitly), so kept out of the output.
PODMAN_NOISE='unable to get systemd connection'
log() { printf '[smoke] %s\n' "$*" >&2; }
show_logs() {
  [[ $LOGS_SHOWN -eq 0 ]] || return 0
  LOGS_SHOWN=1
  local c
  local c f
  for c in "${STARTED[@]}"; do
    printf '\n----- logs of %s (last 80 lines) -----\n' "$c" >&2
    podman logs --tail 80 "$c" 2>&1 | grep -v "$PODMAN_NOISE" >&2 || true
  done
  # One-shot runs (migrate, bcrypt) and health probes; the start-* files hold only container IDs.
  for f in "$WORK_DIR"/*.out; do
    [[ -f "$f" && "$(basename "$f")" != start-* ]] || continue
    printf '\n----- output of %s -----\n' "$(basename "$f" .out)" >&2
    grep -v "$PODMAN_NOISE" "$f" | tail -n 80 >&2 || true
  done
}
fail() {
  log "FAIL: $*"
  show_logs
  exit 1
}

cleanup() {
  local rc=$?
  set +e
  [[ $rc -ne 0 ]] && show_logs
  for c in "${STARTED[@]}"; do podman rm -f -t 5 "$c" >/dev/null 2>&1; done
  if [[ $DB_CREATED -eq 1 ]]; then
    psql "$PG_ADMIN_URL" -X -q -v ON_ERROR_STOP=1 -c "DROP DATABASE IF EXISTS \"$DB_NAME\" WITH (FORCE)" >/dev/null 2>&1 \
      || log "warning: could not drop database $DB_NAME"
  fi
  if command -v redis-cli >/dev/null; then
    redis-cli -u "$HOST_REDIS_URL" --scan --pattern "${KEY_PREFIX}*" 2>/dev/null \
      | xargs -r -n 500 redis-cli -u "$HOST_REDIS_URL" DEL >/dev/null 2>&1
  fi
  if [[ -n "$HOST_MONGO_URL" && -n "${IMAGE[chat]:-}" ]]; then
    # The chat image carries a MongoDB driver; the run's database goes with it.
    podman run --rm --network host --pull=never -e URL="$(mongo_url_for host)" "${IMAGE[chat]}" \
      node -e "const {MongoClient}=require('mongodb');const c=new MongoClient(process.env.URL,{serverSelectionTimeoutMS:5000});c.connect().then(()=>c.db().dropDatabase()).then(()=>c.close()).catch(e=>{console.error(e.message);process.exit(1)})" \
      >/dev/null 2>&1 || log "warning: could not drop Mongo database $DB_NAME"
  fi
  rm -rf "$WORK_DIR"
  if [[ $rc -eq 0 ]]; then log "PASS (run $RUN_ID, network $NETWORK_MODE)"; else log "FAILED (run $RUN_ID, network $NETWORK_MODE)"; fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# A URL on the host's loopback, as seen from a container in the chosen network mode.
for_container() {
  local url="$1"
  case "$NETWORK_MODE" in
    host) printf '%s' "$url" ;;
    slirp4netns) printf '%s' "$url" | sed -E 's#(://([^@/]*@)?)(127\.0\.0\.1|localhost)([:/]|$)#\110.0.2.2\4#' ;;
  esac
}
# MONGO_URL with the run's own database name; $1 = host | container.
mongo_url_for() {
  local url
  url="$(with_db "$HOST_MONGO_URL" "$DB_NAME")"
  if [[ "$1" == container ]]; then for_container "$url"; else printf '%s' "$url"; fi
}
# $1 with its path (database name) replaced by $2.
with_db() {
  node -e 'const u=new URL(process.argv[1]);u.pathname="/"+process.argv[2];console.log(u.toString())' "$1" "$2"
}
free_port() {
  node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'
}

# ---------------------------------------------------------------------------
command -v podman >/dev/null || fail "podman not found"
command -v psql >/dev/null || fail "psql not found (apt-get install -y postgresql-client)"
command -v curl >/dev/null || fail "curl not found"
case "$NETWORK_MODE" in
  host) NET_ARGS=(--network host) ;;
  slirp4netns)
    command -v slirp4netns >/dev/null || fail "slirp4netns not found (apt-get install -y slirp4netns) or use SMOKE_NETWORK=host"
    NET_ARGS=(--network slirp4netns:allow_host_loopback=true) ;;
  *) fail "SMOKE_NETWORK must be host or slirp4netns, not '$NETWORK_MODE'" ;;
esac

SERVICES=(gateway auth)
if [[ -n "$HOST_MONGO_URL" ]]; then
  SERVICES+=(chat loop-analysis ingestion-worker)
else
  log "MONGO_URL not set: testing gateway and auth only (chat, loop-analysis and ingestion-worker need MongoDB)"
fi
# Images to resolve: the services started, plus ingestion-worker and chat for the knowledge and
# conversation migrations.
IMAGE_SERVICES=("${SERVICES[@]}")
for svc in ingestion-worker chat; do
  [[ " ${SERVICES[*]} " == *" $svc "* ]] || IMAGE_SERVICES+=("$svc")
done
RECORD="${MELVIN_IMAGE_RECORD:-$ROOT/tmp/image-builds/images.env}"
use_record=0
[[ -z "${TAG_SET:-}" && -f "$RECORD" ]] && use_record=1
for svc in "${IMAGE_SERVICES[@]}"; do
  IMAGE[$svc]="$REPO/$svc:$TAG"
  if [[ $use_record -eq 1 ]]; then
    id="$(sed -n "s/^$svc=//p" "$RECORD")"
    if [[ -n "$id" ]] && podman image exists "$id"; then
      IMAGE[$svc]="$id"
    else
      log "warning: $RECORD has no usable image for $svc; testing ${IMAGE[$svc]}"
    fi
  fi
  podman image exists "${IMAGE[$svc]}" || fail "image ${IMAGE[$svc]} not found: run docker/build-images.sh first"
  if [[ "${IMAGE[$svc]}" == "$REPO/$svc:$TAG" ]]; then
    log "$svc image: ${IMAGE[$svc]}"
  else
    log "$svc image: ${IMAGE[$svc]:0:12} (built by this checkout's last docker/build-images.sh)"
  fi
done

psql "$PG_ADMIN_URL" -X -q -c 'select 1' >/dev/null 2>&1 || fail "PostgreSQL is not reachable at $PG_ADMIN_URL"
if command -v redis-cli >/dev/null; then
  [[ "$(redis-cli -u "$HOST_REDIS_URL" ping 2>/dev/null)" == PONG ]] || fail "Redis is not reachable at $HOST_REDIS_URL"
fi

log "run $RUN_ID: network=$NETWORK_MODE database=$DB_NAME redis prefix=$KEY_PREFIX services=${SERVICES[*]}"
psql "$PG_ADMIN_URL" -X -q -v ON_ERROR_STOP=1 -c "CREATE DATABASE \"$DB_NAME\"" >/dev/null \
  || fail "could not create database $DB_NAME"
DB_CREATED=1

POSTGRES_URL_C="$(for_container "$(with_db "$PG_ADMIN_URL" "$DB_NAME")")"
REDIS_URL_C="$(for_container "$HOST_REDIS_URL")"
MONGO_URL_C=''
[[ -n "$HOST_MONGO_URL" ]] && MONGO_URL_C="$(mongo_url_for container)"

# Production hardening, as in docker-compose.yml and k8s: if a service needs to
# write outside /tmp, or needs a capability, the smoke test finds out.
HARDENING=(--read-only --tmpfs "/tmp:rw,nosuid,nodev,size=64m" --cap-drop ALL --security-opt no-new-privileges)
COMMON_ENV=(-e NODE_ENV=production -e LOG_LEVEL=info -e "REDIS_URL=$REDIS_URL_C" -e "REDIS_KEY_PREFIX=$KEY_PREFIX"
            -e RPC_TIMEOUT_MS=5000 -e SHUTDOWN_TIMEOUT_MS=5000)

service_env() {
  case "$1" in
    gateway) printf '%s\n' CORS_ORIGINS= RATE_LIMIT_TTL_MS=60000 RATE_LIMIT_MAX=1000 "JWT_SECRET=$JWT_SECRET" ;;
    auth) printf '%s\n' "POSTGRES_URL=$POSTGRES_URL_C" "JWT_SECRET=$JWT_SECRET" ;;
    chat) printf '%s\n' "POSTGRES_URL=$POSTGRES_URL_C" "MONGO_URL=$MONGO_URL_C" ;;
    loop-analysis) printf '%s\n' "POSTGRES_URL=$POSTGRES_URL_C" "MONGO_URL=$MONGO_URL_C" ;;
    ingestion-worker) printf '%s\n' "POSTGRES_URL=$POSTGRES_URL_C" DATA_DIR=/data INGESTION_CONCURRENCY=1 KNOWLEDGE_INGEST_ON_BOOT=false ;;
  esac
}

# ---------------------------------------------------------------------------
# 1. Migrations: each one-shot command twice (the second must find nothing to do), identity
#    (auth image), then knowledge (ingestion-worker image), then conversations (chat image), as
#    compose and k8s run them. Each service validates its whole config, also for this command:
#    hence JWT_SECRET for auth, DATA_DIR (not read, so not mounted) for the worker and MONGO_URL
#    for chat (not contacted: without MONGO_URL a placeholder that only has to parse).
migrate_env() {
  case "$1" in
    auth) printf '%s\n' "POSTGRES_URL=$POSTGRES_URL_C" "JWT_SECRET=$JWT_SECRET" ;;
    ingestion-worker) printf '%s\n' "POSTGRES_URL=$POSTGRES_URL_C" DATA_DIR=/data ;;
    chat) printf '%s\n' "POSTGRES_URL=$POSTGRES_URL_C" "MONGO_URL=${MONGO_URL_C:-mongodb://127.0.0.1:27017/$DB_NAME}" ;;
  esac
}
for svc in auth ingestion-worker chat; do
  for attempt in 1 2; do
    out="$WORK_DIR/migrate-$svc-$attempt.out"
    args=(run --rm --pull=never --name "$NAME_PREFIX-migrate-$svc-$attempt" "${NET_ARGS[@]}" "${HARDENING[@]}" "${COMMON_ENV[@]}")
    while IFS= read -r kv; do [[ -n "$kv" ]] && args+=(-e "$kv"); done < <(migrate_env "$svc")
    log "migrate $svc (run $attempt): node main.js migrate"
    podman "${args[@]}" "${IMAGE[$svc]}" node main.js migrate >"$out" 2>&1 \
      || fail "migration of $svc, run $attempt, exited non-zero"
    grep -v "$PODMAN_NOISE" "$out" | tail -n 3 >&2 || true
    # The command logs one JSON line with the list it applied; a second run must apply nothing.
    if [[ $attempt -eq 2 ]] && ! grep -q '"applied":\[\]' "$out"; then
      fail "the second migration run of $svc applied something (or did not say): $(tail -n 1 "$out")"
    fi
  done
done
count_tables() {
  psql "$(with_db "$PG_ADMIN_URL" "$DB_NAME")" -X -tA -c \
    "select count(*) from information_schema.tables where table_schema not in ('pg_catalog','information_schema') $1"
}
tables="$(count_tables '')"
[[ "${tables:-0}" -gt 0 ]] || fail "migrate exited 0 but $DB_NAME has no tables"
for table in identity_migrations knowledge_migrations conversation_migrations conversations; do
  [[ "$(count_tables "and table_name = '$table'")" == 1 ]] || fail "migrations exited 0 but $DB_NAME has no $table table"
done
log "migrations created $tables tables in $DB_NAME (identity, knowledge and conversations)"

# 2. The native module loads in the runtime image (when the service depends on it).
podman run --rm --pull=never "${NET_ARGS[@]}" "${HARDENING[@]}" "${IMAGE[auth]}" node -e "
  if (!require('./package.json').dependencies?.bcrypt) { console.log('no-bcrypt'); process.exit(0); }
  const b = require('bcrypt'); process.exit(b.compareSync('melvin', b.hashSync('melvin', 4)) ? 0 : 1);" \
  >"$WORK_DIR/bcrypt.out" 2>&1 || fail "bcrypt does not load in the auth image"
if grep -q no-bcrypt "$WORK_DIR/bcrypt.out"; then
  log "auth does not depend on bcrypt: native module check skipped"
else
  log "bcrypt (native) loads and hashes in the auth image"
fi

# ---------------------------------------------------------------------------
# 3. Start the long-running services.
GATEWAY_HOST_PORT=''
for svc in "${SERVICES[@]}"; do
  name="$NAME_PREFIX-$svc"
  args=(run -d --pull=never --name "$name" --label "melvin.smoke=$RUN_ID" "${NET_ARGS[@]}" "${HARDENING[@]}" "${COMMON_ENV[@]}")
  while IFS= read -r kv; do [[ -n "$kv" ]] && args+=(-e "$kv"); done < <(service_env "$svc")
  if [[ "$NETWORK_MODE" == host ]]; then
    # One network namespace for all: every service gets its own free port.
    PORT[$svc]="$(free_port)"
    args+=(-e "HTTP_PORT=${PORT[$svc]}")
    [[ "$svc" == gateway ]] && GATEWAY_HOST_PORT="${PORT[$svc]}"
  else
    # Own namespace per container: the image's default port, gateway published.
    PORT[$svc]="$(podman image inspect --format '{{range $k, $v := .Config.ExposedPorts}}{{$k}}{{end}}' "${IMAGE[$svc]}" | cut -d/ -f1)"
    if [[ "$svc" == gateway ]]; then
      GATEWAY_HOST_PORT="$(free_port)"
      args+=(-p "127.0.0.1:$GATEWAY_HOST_PORT:${PORT[$svc]}")
    fi
  fi
  if [[ "$svc" == ingestion-worker ]]; then
    if [[ -d "$DATA_DIR_HOST" ]]; then
      args+=(-v "$(realpath "$DATA_DIR_HOST"):/data:ro")
    else
      log "warning: $DATA_DIR_HOST does not exist; mounting an empty read-only /data"
      mkdir -p "$WORK_DIR/empty-data"
      args+=(-v "$WORK_DIR/empty-data:/data:ro")
    fi
  fi
  # Output to a file: it is only the container ID plus PODMAN_NOISE.
  podman "${args[@]}" "${IMAGE[$svc]}" >"$WORK_DIR/start-$svc.out" 2>&1 \
    || { cat "$WORK_DIR/start-$svc.out" >&2; fail "could not start $svc"; }
  STARTED+=("$name")
  log "started $name (port ${PORT[$svc]})"
done

# 4. Readiness from inside each container, then the image HEALTHCHECK.
ready_inside() {
  podman exec "$1" node -e \
    "fetch('http://127.0.0.1:$2/health/ready',{signal:AbortSignal.timeout(3000)}).then(r=>process.exit(r.status===200?0:1),()=>process.exit(1))" \
    >/dev/null 2>&1
}
for svc in "${SERVICES[@]}"; do
  name="$NAME_PREFIX-$svc"
  deadline=$(( $(date +%s) + TIMEOUT ))
  until ready_inside "$name" "${PORT[$svc]}"; do
    state="$(podman inspect --format '{{.State.Status}} (exit code {{.State.ExitCode}})' "$name" 2>/dev/null || echo gone)"
    [[ "$state" == running* ]] || fail "$svc is not running: $state"
    (( $(date +%s) < deadline )) || fail "$svc: /health/ready did not answer 200 inside the container within ${TIMEOUT}s"
    sleep 2
  done
  log "$svc: GET http://127.0.0.1:${PORT[$svc]}/health/ready -> 200 (inside the container)"
  podman exec "$name" node -e \
    "fetch('http://127.0.0.1:${PORT[$svc]}/health/live').then(r=>process.exit(r.status===200?0:1),()=>process.exit(1))" \
    || fail "$svc: /health/live is not 200"
  podman exec "$name" node -e \
    "fetch('http://127.0.0.1:${PORT[$svc]}/metrics').then(async r=>{const t=await r.text();process.exit(r.status===200&&/^# (HELP|TYPE) /m.test(t)?0:1)},()=>process.exit(1))" \
    || fail "$svc: /metrics is not a Prometheus exposition"
  podman healthcheck run "$name" >"$WORK_DIR/healthcheck-$svc.out" 2>&1 \
    || fail "$svc: the image HEALTHCHECK fails ($(tr '\n' ' ' <"$WORK_DIR/healthcheck-$svc.out"))"
  log "$svc: /health/live 200, /metrics ok, image HEALTHCHECK healthy"
done

# 5. The gateway from the host, through its published port.
http_check() {  # url expected-status content-type-substring
  local out code ctype
  out="$(curl -sS -o /dev/null --max-time 10 -w '%{http_code} %{content_type}' "$1" 2>&1)" || fail "GET $1 failed: $out"
  code="${out%% *}" ctype="${out#* }"
  [[ "$code" == "$2" ]] || fail "GET $1 -> $code, expected $2"
  [[ -z "${3:-}" || "$ctype" == *"$3"* ]] || fail "GET $1 -> content type '$ctype', expected $3"
  log "host: GET $1 -> $code ${ctype}"
}
GW="http://127.0.0.1:$GATEWAY_HOST_PORT"
http_check "$GW/health/ready" 200 application/json
http_check "$GW/" 200 text/html
http_check "$GW/admin/" 200 text/html
if [[ ${#SERVICES[@]} -eq 5 ]]; then
  # Every service answers the gateway over Redis. Allow a moment for their
  # Redis listeners after HTTP readiness.
  deadline=$(( $(date +%s) + 30 ))
  until [[ "$(curl -s -o "$WORK_DIR/api-health.json" --max-time 10 -w '%{http_code}' "$GW/api/health")" == 200 ]]; do
    (( $(date +%s) < deadline )) || fail "GET $GW/api/health is not 200: $(cat "$WORK_DIR/api-health.json" 2>/dev/null)"
    sleep 2
  done
  log "host: GET $GW/api/health -> 200 (all five services up)"
fi
log "all checks passed"
