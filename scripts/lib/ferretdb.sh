# shellcheck shell=bash source-path=SCRIPTDIR
# FerretDB v1: the MongoDB-wire server Melvin uses for MONGO_URL on machines without MongoDB.
#
# A plain `go install .../cmd/ferretdb@v1.24.2` builds a binary that panics at start, because
# build/version/version.txt is written by FerretDB's own release tooling (from git). So we build
# from a writable copy of the pinned module with that file filled in, and cache the result.

# Usable on its own (e.g. `. scripts/lib/ferretdb.sh` from a test helper): log/die/port_open,
# spawn_daemon and stop_pidfile PID_FILE come from common.sh.
if ! declare -F stop_pidfile >/dev/null; then
  . "$(dirname "${BASH_SOURCE[0]}")/common.sh"
fi
if ! declare -F ensure_go >/dev/null; then
  . "$(dirname "${BASH_SOURCE[0]}")/deps.sh"
fi

FERRETDB_MODULE=github.com/FerretDB/FerretDB
FERRETDB_VERSION="${MELVIN_FERRETDB_VERSION:-v1.24.2}"
FERRETDB_BIN="${MELVIN_TOOLS_DIR:-/var/tmp/melvin-tools}/ferretdb-${FERRETDB_VERSION}/ferretdb"

_ferretdb_ok() { [[ -x "$FERRETDB_BIN" ]] && "$FERRETDB_BIN" --version >/dev/null 2>&1; }

ensure_ferretdb_binary() {
  if _ferretdb_ok; then
    log "FerretDB $FERRETDB_VERSION: $FERRETDB_BIN"
    return 0
  fi
  ensure_go
  local dir lock="${FERRETDB_BIN%/*}.lock"
  mkdir -p "${FERRETDB_BIN%/*}"
  # Two runs building at once would race on the same output path: serialize them.
  local _ferret_lock_fd
  exec {_ferret_lock_fd}>"$lock"
  flock "$_ferret_lock_fd"
  if _ferretdb_ok; then exec {_ferret_lock_fd}>&-; return 0; fi

  log "building FerretDB $FERRETDB_VERSION with $(go version | cut -d' ' -f3) (once per machine; minutes on a cold Go cache, seconds after)"
  dir="$(cd /tmp && go mod download -json "$FERRETDB_MODULE@$FERRETDB_VERSION" \
        | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",\{0,1\}$/\1/p')" || true
  [[ -n "$dir" && -d "$dir" ]] || die "could not download $FERRETDB_MODULE@$FERRETDB_VERSION from the Go module proxy"

  local src
  src="$(mktemp -d /tmp/melvin-ferretdb-src.XXXXXX)"
  cp -R "$dir/." "$src/"
  chmod -R u+w "$src"
  printf '%s\n' "$FERRETDB_VERSION" >"$src/build/version/version.txt"
  if ! (cd "$src" && GOFLAGS=-buildvcs=false go build -trimpath -o "$FERRETDB_BIN.tmp" ./cmd/ferretdb); then
    rm -rf "$src" "$FERRETDB_BIN.tmp"
    exec {_ferret_lock_fd}>&-
    die "building FerretDB failed"
  fi
  rm -rf "$src"
  mv -f "$FERRETDB_BIN.tmp" "$FERRETDB_BIN"
  # Closing the descriptor releases the lock, and keeps it out of the daemons started later.
  exec {_ferret_lock_fd}>&-
  _ferretdb_ok || die "the FerretDB binary built but '$FERRETDB_BIN --version' fails"
  log "built $FERRETDB_BIN ($("$FERRETDB_BIN" --version 2>&1 | head -n 1))"
}

# start_ferretdb PORT DATA_DIR STATE_DIR LOG_FILE PID_FILE
# Starts FerretDB (SQLite backend) in the background on 127.0.0.1:PORT and waits until it
# accepts connections. Its debug/metrics listener is off: it defaults to the fixed port 8088,
# which a second FerretDB on the machine (dev instance, another run) would find taken.
start_ferretdb() {
  local port="$1" data_dir="$2" state_dir="$3" log_file="$4" pid_file="$5" pid deadline
  [[ $# -eq 5 ]] || die "usage: start_ferretdb PORT DATA_DIR STATE_DIR LOG_FILE PID_FILE"
  if port_open 127.0.0.1 "$port"; then
    die "port $port is already in use; cannot start FerretDB there"
  fi
  mkdir -p "$data_dir" "$state_dir"
  spawn_daemon "$log_file" "$pid_file" "$FERRETDB_BIN" \
    --handler=sqlite --sqlite-url="file:${data_dir%/}/" \
    --listen-addr="127.0.0.1:$port" --telemetry=disable \
    --state-dir="$state_dir" --debug-addr=- --log-level=warn
  pid="$(<"$pid_file")"
  deadline=$(( $(date +%s) + ${MELVIN_SERVICE_TIMEOUT:-60} ))
  until port_open 127.0.0.1 "$port"; do
    if ! pid_alive "$pid"; then
      tail -n 30 "$log_file" >&2 || true
      rm -f "$pid_file"
      die "FerretDB exited during start-up (log: $log_file)"
    fi
    if (( $(date +%s) >= deadline )); then
      tail -n 30 "$log_file" >&2 || true
      stop_pidfile "$pid_file" 5
      die "FerretDB did not listen on 127.0.0.1:$port within ${MELVIN_SERVICE_TIMEOUT:-60}s (log: $log_file)"
    fi
    sleep 0.2
  done
  log "FerretDB listening on 127.0.0.1:$port (pid $pid, data $data_dir)"
}
