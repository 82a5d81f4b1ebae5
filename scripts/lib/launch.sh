# shellcheck shell=bash
# `melvin.sh launch`: Melvin through docker compose (the compose file itself is delivered with
# the container release; this is the operator's side of it).

COMPOSE=()

_launch_pick_compose() {
  if command -v docker >/dev/null && docker info >/dev/null 2>&1 && docker compose version >/dev/null 2>&1; then
    COMPOSE=(docker compose)
  elif command -v podman-compose >/dev/null; then
    COMPOSE=(podman-compose)
  elif command -v docker-compose >/dev/null; then
    COMPOSE=(docker-compose)
  else
    die "no compose tool found: install Docker with the compose plugin, podman-compose, or docker-compose"
  fi
  log "using: ${COMPOSE[*]}"
}

_launch_compose_file() {
  local f
  for f in docker-compose.yml docker-compose.yaml compose.yml compose.yaml; do
    [[ -f "$ROOT/$f" ]] && { printf '%s\n' "$f"; return 0; }
  done
  return 1
}

cmd_launch() {
  local timeout deadline file
  # shellcheck disable=SC2034 # read by log/warn/die in common.sh
  _LOG_TAG=melvin-launch
  cd "$ROOT" || exit 1
  exec </dev/null
  if [[ "${1:-}" == stop ]]; then
    file="$(_launch_compose_file)" || die "no docker-compose.yml in $ROOT: nothing to stop"
    _launch_pick_compose
    step "stopping the compose stack"
    "${COMPOSE[@]}" -f "$file" down
    return
  fi
  [[ $# -eq 0 ]] || die "launch: unknown argument '$1' (usage: launch | launch stop)"

  [[ -f "$ROOT/.env" ]] || die "no .env: copy the template and fill it in first:  cp .env.example .env  (then set POSTGRES_PASSWORD and MELVIN_DATA_DIR)"
  file="$(_launch_compose_file)" || die "no docker-compose.yml in $ROOT yet (the compose stack arrives with the container release); use ./scripts/melvin.sh native meanwhile"

  step "compose tool"
  _launch_pick_compose

  step "build and start ($file)"
  "${COMPOSE[@]}" -f "$file" up -d --build || die "compose up failed"

  step "waiting for http://127.0.0.1:8000/api/health"
  timeout="${MELVIN_HEALTH_TIMEOUT:-180}"
  deadline=$(( $(date +%s) + timeout ))
  until curl -fsS -o /dev/null --max-time 5 http://127.0.0.1:8000/api/health 2>/dev/null; do
    if (( $(date +%s) >= deadline )); then
      "${COMPOSE[@]}" -f "$file" ps >&2 || true
      "${COMPOSE[@]}" -f "$file" logs --tail 30 >&2 || true
      die "Melvin was not healthy within ${timeout}s"
    fi
    sleep 2
  done

  step "Melvin is up"
  printf '  web app:  http://localhost:8000\n  admin:    http://localhost:8000/admin\n  API docs: http://localhost:8000/api/docs\n'
  printf '  logs:     %s logs -f\n  stop:     ./scripts/melvin.sh launch stop\n' "${COMPOSE[*]}"
}
