# shellcheck shell=bash
# `melvin.sh test`: bootstrap every dependency, run each test phase, clean up, print a summary.

TEST_PHASES_ALL=(lint typecheck unit build integration e2e compose images)

# shellcheck disable=SC2016 # each command is expanded by the phase's own shell
declare -A TEST_PHASE_CMD=(
  [lint]='npm run lint'
  [typecheck]='npm run typecheck'
  [unit]='npm run test:unit'
  [build]='npm run build'
  [integration]='npm run test:int'
  [e2e]='npm run test:e2e'
  [compose]='docker/validate-compose.sh'
  [images]='docker/build-images.sh && MONGO_URL="$MELVIN_TEST_MONGO_URL" docker/smoke-test.sh'
)
# Phases that test what `build` produced: pointless (and misleading) after a failed build.
TEST_NEEDS_BUILD=" integration e2e images "

declare -A TEST_RESULT=() TEST_SECS=() TEST_NOTE=()
TEST_SELECTED=()
TEST_CURRENT=''          # phase running now
TEST_CURRENT_PID=''      # its session leader
TEST_RUN_DIR=''
TEST_STARTED_AT=0
TEST_PG_READY=0
TEST_REDIS_READY=0

_test_select_phases() {
  local requested="${MELVIN_TEST_PHASES:-}" p
  if [[ -z "${requested// /}" ]]; then
    TEST_SELECTED=("${TEST_PHASES_ALL[@]}")
    return
  fi
  for p in $requested; do
    [[ -n "${TEST_PHASE_CMD[$p]+x}" ]] || die "unknown phase '$p' in MELVIN_TEST_PHASES (phases: ${TEST_PHASES_ALL[*]})"
  done
  # Always in the canonical order, whatever order they were listed in.
  for p in "${TEST_PHASES_ALL[@]}"; do
    [[ " $requested " == *" $p "* ]] && TEST_SELECTED+=("$p")
  done
  return 0
}

_test_selected() { [[ " ${TEST_SELECTED[*]} " == *" $1 "* ]]; }
_test_images_wanted() {
  [[ "${MELVIN_SKIP_IMAGES:-0}" != 1 ]] && { _test_selected compose || _test_selected images; }
}

# Runs from an earlier test run that was killed outright (no cleanup) leave a FerretDB and a
# directory behind; reclaim them when the run that owned them is gone.
_test_reap_stale_runs() {
  local dir runner
  for dir in "${MELVIN_TMP_DIR:-/var/tmp}"/melvin-test-*/; do
    [[ -d "$dir" ]] || continue
    runner="$(tr -dc '0-9' <"$dir/runner.pid" 2>/dev/null || true)"
    if [[ -n "$runner" ]] && pid_alive "$runner"; then continue; fi
    log "removing leftovers of an earlier test run: $dir"
    stop_pidfile "$dir/ferretdb.pid" 5
    rm -rf "$dir"
  done
}

_test_run_phase() {
  local phase="$1" index="$2" total="$3" cmd="${TEST_PHASE_CMD[$1]}" start rc=0
  if [[ ( $phase == compose || $phase == images ) && "${MELVIN_SKIP_IMAGES:-0}" == 1 ]]; then
    step "[$index/$total] $phase: SKIPPED (MELVIN_SKIP_IMAGES=1)"
    TEST_RESULT[$phase]=SKIPPED TEST_SECS[$phase]=0 TEST_NOTE[$phase]='MELVIN_SKIP_IMAGES=1'
    return
  fi
  if [[ "$TEST_NEEDS_BUILD" == *" $phase "* && "${TEST_RESULT[build]:-}" == FAIL ]]; then
    step "[$index/$total] $phase: SKIPPED (build failed)"
    TEST_RESULT[$phase]=SKIPPED TEST_SECS[$phase]=0 TEST_NOTE[$phase]='build failed'
    return
  fi
  step "[$index/$total] $phase: $cmd"
  start=$(date +%s)
  TEST_CURRENT="$phase"
  # Own session and process group: whatever the phase leaves running (a jest worker, a
  # service an e2e test forgot) is found and stopped afterwards, and Ctrl-C reaches us only.
  setsid -w bash -c "$cmd" </dev/null 8>&- 9>&- &
  TEST_CURRENT_PID=$!
  wait "$TEST_CURRENT_PID" || rc=$?
  if pgrep -g "$TEST_CURRENT_PID" >/dev/null 2>&1; then
    warn "$phase left processes running: $(pgrep -g "$TEST_CURRENT_PID" | tr '\n' ' ')- stopping them"
    kill_group_and_wait "$TEST_CURRENT_PID" 10
  fi
  TEST_CURRENT='' TEST_CURRENT_PID=''
  TEST_SECS[$phase]=$(( $(date +%s) - start ))
  if [[ $rc -eq 0 ]]; then
    TEST_RESULT[$phase]=PASS
    log "$phase: ${_G}PASS${_N} in ${TEST_SECS[$phase]}s"
  else
    TEST_RESULT[$phase]=FAIL TEST_NOTE[$phase]="exit code $rc"
    log "$phase: ${_R}FAIL${_N} (exit code $rc) in ${TEST_SECS[$phase]}s"
  fi
}

_test_drop_databases() {
  local prefix="melvin_test_${MELVIN_TEST_RUN_ID}" dbs db
  # "<prefix>" itself or "<prefix>_...": a plain prefix match would also catch the run whose id
  # merely starts with ours (same second, pid 12 vs 123).
  dbs="$(psql "$MELVIN_TEST_POSTGRES_URL" -X -tA -v ON_ERROR_STOP=1 -c \
    "SELECT datname FROM pg_database WHERE datname = '$prefix' OR starts_with(datname, '${prefix}_')" 2>&1)" \
    || { warn "could not list test databases: $dbs"; return 0; }
  for db in $dbs; do
    if psql "$MELVIN_TEST_POSTGRES_URL" -X -q -v ON_ERROR_STOP=1 -c "DROP DATABASE IF EXISTS \"$db\" WITH (FORCE)" >/dev/null; then
      log "dropped leftover database $db"
    else
      warn "could not drop database $db"
    fi
  done
  [[ -n "$dbs" ]] || log "no leftover test databases"
}

_test_delete_redis_keys() {
  local base="melvin-test-${MELVIN_TEST_RUN_ID}" keys count
  # The key itself, or the prefix followed by a separator (same reasoning as the databases).
  keys="$( { redis-cli -u "$MELVIN_TEST_REDIS_URL" --scan --pattern "$base";
             redis-cli -u "$MELVIN_TEST_REDIS_URL" --scan --pattern "${base}[^0-9A-Za-z]*"; } 2>/dev/null | sort -u)"
  if [[ -z "$keys" ]]; then
    log "no leftover Redis keys"
    return 0
  fi
  count="$(printf '%s\n' "$keys" | wc -l)"
  if printf '%s\n' "$keys" | xargs -r -d '\n' -n 200 redis-cli -u "$MELVIN_TEST_REDIS_URL" del >/dev/null; then
    log "deleted $count leftover Redis keys ($base*)"
  else
    warn "could not delete some Redis keys ($base*)"
  fi
}

_test_print_summary() {
  local phase total=0 failed=0 result colour
  printf '\n%s==> summary (run %s)%s\n' "$_B" "${MELVIN_TEST_RUN_ID:-?}" "$_N"
  printf '%-13s %-11s %8s  %s\n' PHASE RESULT SECONDS NOTE
  for phase in "${TEST_SELECTED[@]}"; do
    result="${TEST_RESULT[$phase]:-NOT RUN}"
    case "$result" in PASS) colour="$_G" ;; FAIL|INTERRUPTED) colour="$_R"; failed=$((failed + 1)) ;; *) colour="$_Y" ;; esac
    printf '%-13s %s%-11s%s %8s  %s\n' "$phase" "$colour" "$result" "$_N" "${TEST_SECS[$phase]:--}" "${TEST_NOTE[$phase]:-}"
  done
  total=$(( $(date +%s) - TEST_STARTED_AT ))
  printf 'total: %ss, %d failed\n' "$total" "$failed"
}

# EXIT trap: runs after success, failure, die or a signal.
_test_cleanup() {
  local rc=$? phase failed=0
  set +e
  trap - EXIT INT TERM
  restore_console
  if [[ -n "$TEST_CURRENT_PID" ]]; then
    kill_group_and_wait "$TEST_CURRENT_PID" 10
  fi
  step "cleanup"
  if [[ $TEST_PG_READY -eq 1 ]]; then _test_drop_databases; fi
  if [[ $TEST_REDIS_READY -eq 1 ]]; then _test_delete_redis_keys; fi
  if [[ -n "$TEST_RUN_DIR" ]]; then
    stop_pidfile "$TEST_RUN_DIR/ferretdb.pid" 10
    rm -rf "$TEST_RUN_DIR"
    log "removed $TEST_RUN_DIR"
  fi
  _test_print_summary
  for phase in "${TEST_SELECTED[@]}"; do
    case "${TEST_RESULT[$phase]:-}" in FAIL|INTERRUPTED) failed=1 ;; esac
  done
  if [[ $rc -eq 0 && $failed -eq 1 ]]; then rc=1; fi
  if [[ $rc -eq 0 ]]; then log "${_G}all selected phases passed${_N}"; else log "${_R}test run failed${_N} (exit $rc)"; fi
  exit "$rc"
}

_test_on_signal() {
  local sig="$1"
  restore_console
  warn "received SIG$sig: stopping"
  if [[ -n "$TEST_CURRENT" ]]; then
    TEST_RESULT[$TEST_CURRENT]=INTERRUPTED TEST_NOTE[$TEST_CURRENT]="SIG$sig"
  fi
  [[ $sig == INT ]] && exit 130
  exit 143
}

cmd_test() {
  local p i=0 data_dir
  # shellcheck disable=SC2034 # read by log/warn/die in common.sh
  _LOG_TAG=melvin-test
  cd "$ROOT" || exit 1
  exec </dev/null
  save_console
  TEST_STARTED_AT=$(date +%s)
  _test_select_phases

  export MELVIN_TEST_RUN_ID="${MELVIN_TEST_RUN_ID:-$(date +%s)_$$}"
  [[ "$MELVIN_TEST_RUN_ID" =~ ^[A-Za-z0-9_]+$ ]] || die "MELVIN_TEST_RUN_ID may hold letters, digits and _ only"
  local ferret_port="${MELVIN_TEST_FERRET_PORT:-27027}"
  if [[ -z "${MELVIN_TEST_FERRET_PORT:-}" ]]; then
    # Another run on this machine may hold 27027; the tests only know MELVIN_TEST_MONGO_URL,
    # so any free port will do. An explicitly chosen port is used as given (or fails clearly).
    while port_open 127.0.0.1 "$ferret_port" && (( ferret_port < 27099 )); do
      ferret_port=$(( ferret_port + 1 ))
    done
  fi
  export MELVIN_TEST_POSTGRES_URL="${MELVIN_TEST_POSTGRES_URL:-postgres://postgres@127.0.0.1:5432/postgres}"
  export MELVIN_TEST_REDIS_URL="${MELVIN_TEST_REDIS_URL:-redis://127.0.0.1:6379}"
  export MELVIN_TEST_MONGO_URL="mongodb://127.0.0.1:$ferret_port"

  step "Melvin test run $MELVIN_TEST_RUN_ID: ${TEST_SELECTED[*]}"
  _test_reap_stale_runs
  TEST_RUN_DIR="${MELVIN_TMP_DIR:-/var/tmp}/melvin-test-$MELVIN_TEST_RUN_ID"
  mkdir -p "$TEST_RUN_DIR"
  printf '%s\n' "$$" >"$TEST_RUN_DIR/runner.pid"
  trap _test_cleanup EXIT
  trap '_test_on_signal INT' INT
  trap '_test_on_signal TERM' TERM

  step "npm dependencies"
  ensure_node_modules

  step "PostgreSQL"
  ensure_postgres
  TEST_PG_READY=1

  step "Redis"
  ensure_redis
  TEST_REDIS_READY=1

  step "FerretDB (MongoDB wire protocol) for this run on port $ferret_port"
  ensure_ferretdb_binary
  start_ferretdb "$ferret_port" "$TEST_RUN_DIR/ferretdb-data" "$TEST_RUN_DIR/ferretdb-state" \
    "$TEST_RUN_DIR/ferretdb.log" "$TEST_RUN_DIR/ferretdb.pid"

  if _test_selected e2e; then
    step "Chromium (end-to-end tests)"
    ensure_chromium
  fi
  if _test_images_wanted; then
    step "podman (image build and smoke test)"
    ensure_podman
  fi

  step "environment"
  data_dir="${MELVIN_DATA_DIR:-$ROOT/../shared/data}"
  MELVIN_DATA_DIR="$(realpath -m "$data_dir")"
  export MELVIN_DATA_DIR
  [[ -d "$MELVIN_DATA_DIR" ]] || warn "MELVIN_DATA_DIR=$MELVIN_DATA_DIR does not exist"
  export MELVIN_FERRETDB_BIN="$FERRETDB_BIN"
  export CHROMIUM_PATH="${CHROMIUM_PATH:-/usr/bin/chromium}"
  export NX_DAEMON=false NX_NO_CLOUD=true
  export CI="${CI:-true}"
  for p in MELVIN_TEST_RUN_ID MELVIN_TEST_POSTGRES_URL MELVIN_TEST_REDIS_URL MELVIN_TEST_MONGO_URL \
           MELVIN_FERRETDB_BIN MELVIN_DATA_DIR CHROMIUM_PATH NX_DAEMON NX_NO_CLOUD CI; do
    printf '  %s=%s\n' "$p" "${!p}"
  done

  for p in "${TEST_SELECTED[@]}"; do
    i=$((i + 1))
    _test_run_phase "$p" "$i" "${#TEST_SELECTED[@]}"
  done
  exit 0   # the EXIT trap cleans up, prints the summary and sets the exit code
}
