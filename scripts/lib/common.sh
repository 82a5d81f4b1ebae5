# shellcheck shell=bash
# Shared helpers for scripts/melvin.sh: messages, waiting, ports, apt and process control.
# Sourced, never executed: expects ROOT to be set by the caller.

_LOG_TAG=melvin

# Colour only when a person is watching; CI logs stay plain.
if [[ -t 1 && -z "${NO_COLOR:-}" ]]; then
  _B=$'\e[1m' _R=$'\e[31m' _G=$'\e[32m' _Y=$'\e[33m' _N=$'\e[0m'
else
  _B='' _R='' _G='' _Y='' _N=''
fi

log()  { printf '[%s] %s\n' "$_LOG_TAG" "$*"; }
warn() { printf '[%s] %sWARNING:%s %s\n' "$_LOG_TAG" "$_Y" "$_N" "$*" >&2; }
die()  { printf '[%s] %sERROR:%s %s\n' "$_LOG_TAG" "$_R" "$_N" "$*" >&2; exit 1; }
step() { printf '\n%s==> %s%s\n' "$_B" "$*" "$_N"; }

# True when something accepts TCP connections on HOST:PORT.
port_open() {
  local host="$1" port="$2"
  (exec 3<>"/dev/tcp/$host/$port") 2>/dev/null
}

# wait_until SECONDS DESCRIPTION COMMAND...: polls COMMAND every half second.
wait_until() {
  local timeout="$1" what="$2"; shift 2
  local deadline=$(( $(date +%s) + timeout ))
  until "$@" >/dev/null 2>&1; do
    if (( $(date +%s) >= deadline )); then
      printf '[%s] %sERROR:%s timed out after %ss waiting for %s\n' "$_LOG_TAG" "$_R" "$_N" "$timeout" "$what" >&2
      return 1
    fi
    sleep 0.5
  done
}

# Root runs apt directly; anyone else needs password-less sudo (CI has no stdin to type one).
_as_root() {
  if [[ $EUID -eq 0 ]]; then "$@"
  elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then sudo -n "$@"
  else die "need root to run: $* (re-run as root or install it yourself)"
  fi
}

_APT_UPDATED=0
apt_install() {
  log "installing with apt: $*"
  if [[ $_APT_UPDATED -eq 0 ]]; then
    _as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q
    _APT_UPDATED=1
  fi
  _as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$@"
}

# Trap handlers can fire while a command's output is redirected (`check >/dev/null`), and would
# then print nowhere. Keep the console on fds 8/9 and point stdout/stderr back at it first.
save_console()    { exec 8>&1 9>&2; }
restore_console() { { true >&8; } 2>/dev/null && exec 1>&8 2>&9; return 0; }

pid_alive() { [[ -n "${1:-}" ]] && kill -0 "$1" 2>/dev/null; }

# The live pid recorded in PID_FILE, or nothing.
pidfile_pid() {
  local file="$1" pid
  [[ -f "$file" ]] || return 1
  pid="$(tr -dc '0-9' <"$file")"
  pid_alive "$pid" || return 1
  # Everything these scripts start leads its own session; anything else is a recycled pid.
  [[ "$(ps -o sid= -p "$pid" 2>/dev/null | tr -d ' ')" == "$pid" ]] || return 1
  printf '%s\n' "$pid"
}

# spawn_daemon LOG_FILE PID_FILE COMMAND...: starts COMMAND in its own session (so a terminal's
# Ctrl-C or hang-up doesn't reach it and it can be stopped as a group), output appended to LOG_FILE.
# Every other inherited descriptor is closed first: a daemon holding the caller's pipe open
# would keep `melvin.sh native --detach | tee ...` (or a CI log reader) waiting for EOF forever.
# Job control is off, so the subshell is no group leader, setsid doesn't fork, and $! is the
# daemon's own pid.
spawn_daemon() {
  local log_file="$1" pid_file="$2"; shift 2
  mkdir -p "$(dirname "$log_file")" "$(dirname "$pid_file")"
  (
    for fd in /proc/self/fd/*; do
      fd="${fd##*/}"
      if [[ "$fd" =~ ^[0-9]+$ && "$fd" -gt 2 ]]; then eval "exec $fd>&-"; fi
    done
    exec setsid "$@"
  ) >>"$log_file" 2>&1 </dev/null &
  printf '%s\n' "$!" >"$pid_file"
}

# kill_group_and_wait PID [TIMEOUT_SECONDS]: SIGTERM to the process group PID leads (or the
# process alone), wait up to TIMEOUT seconds, then SIGKILL whatever is left.
kill_group_and_wait() {
  local pid="$1" timeout="${2:-20}" waited=0
  [[ "$pid" =~ ^[0-9]+$ && "$pid" -gt 1 && "$pid" -ne $$ ]] || return 0
  kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
  while pid_alive "$pid" || pgrep -g "$pid" >/dev/null 2>&1; do
    if (( waited >= timeout * 2 )); then
      warn "pid $pid did not stop within ${timeout}s; sending SIGKILL"
      kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
      sleep 0.5
      break
    fi
    sleep 0.5
    waited=$(( waited + 1 ))
  done
}

# stop_pidfile PID_FILE [TIMEOUT_SECONDS]: stops the process a pid file names (if it still runs)
# and removes the file.
stop_pidfile() {
  local file="$1" timeout="${2:-20}" pid
  [[ -f "$file" ]] || return 0
  if pid="$(pidfile_pid "$file")"; then
    log "stopping $(basename "$file" .pid) (pid $pid)"
    kill_group_and_wait "$pid" "$timeout"
  fi
  rm -f "$file"
}

# stop_pidfiles TIMEOUT PID_FILE...: like stop_pidfile for several processes, but signals them
# all first (in the order given) and then waits, so shutdowns overlap instead of queueing.
stop_pidfiles() {
  local timeout="$1" file pid waited=0
  local -a alive=()
  shift
  local -a pids=()
  for file in "$@"; do
    if pid="$(pidfile_pid "$file")"; then
      log "stopping $(basename "$file" .pid) (pid $pid)"
      kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
      pids+=("$pid")
    fi
  done
  while :; do
    alive=()
    for pid in "${pids[@]}"; do
      if pid_alive "$pid" || pgrep -g "$pid" >/dev/null 2>&1; then alive+=("$pid"); fi
    done
    [[ ${#alive[@]} -eq 0 ]] && break
    if (( waited >= timeout * 2 )); then
      warn "still running after ${timeout}s, sending SIGKILL: ${alive[*]}"
      for pid in "${alive[@]}"; do kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true; done
      break
    fi
    sleep 0.5
    waited=$(( waited + 1 ))
  done
  rm -f "$@"
}
