# shellcheck shell=bash
# Brings up what Melvin needs on the machine: npm packages, PostgreSQL, Redis, Chromium, podman.
# Each function is idempotent: it checks first and only acts when something is missing or down.

# npm ci only when node_modules is absent or was installed from another lockfile.
ensure_node_modules() {
  local stamp="$ROOT/node_modules/.melvin-lock-sha" want have=''
  command -v npm >/dev/null || die "npm not found (Node.js 20 with npm is required)"
  want="$(sha256sum "$ROOT/package-lock.json" | cut -d' ' -f1)"
  [[ -f "$stamp" ]] && have="$(<"$stamp")"
  # The nx check catches a tree installed without dev dependencies.
  if [[ -d "$ROOT/node_modules" && "$have" == "$want" && -x "$ROOT/node_modules/.bin/nx" ]]; then
    log "node_modules matches package-lock.json (sha256 ${want:0:12}); skipping npm ci"
    return 0
  fi
  if [[ ! -d "$ROOT/node_modules" ]]; then log "node_modules missing: installing from the lockfile"
  else log "package-lock.json changed since the last install (or no install stamp): reinstalling"; fi
  # --include=dev: native mode exports NODE_ENV=production, which would otherwise make npm skip
  # the build tools (nx, webpack, typescript).
  (cd "$ROOT" && npm ci --no-audit --no-fund --include=dev </dev/null) || die "npm ci failed"
  printf '%s\n' "$want" >"$stamp"
}

_pg_version() { find /etc/postgresql -mindepth 1 -maxdepth 1 -type d -printf "%f\n" 2>/dev/null | sort -V | tail -n 1; }

# PostgreSQL on 127.0.0.1:5432 with trust auth for local TCP, as the platform describes.
ensure_postgres() {
  local fresh=0 version
  if pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; then
    log "PostgreSQL answers on 127.0.0.1:5432"
    return 0
  fi
  if ! command -v pg_ctlcluster >/dev/null || [[ -z "$(_pg_version)" ]]; then
    apt_install postgresql
    fresh=1
  fi
  version="$(_pg_version)"
  [[ -n "$version" ]] || die "PostgreSQL is installed but /etc/postgresql holds no cluster"
  if [[ $fresh -eq 1 ]]; then
    # A new Debian cluster asks for passwords over TCP; the tests and native mode expect trust
    # on loopback, like the prepared machines.
    local hba="/etc/postgresql/$version/main/pg_hba.conf"
    if [[ -f "$hba" ]] && ! grep -q '^host all all 127.0.0.1/32 trust' "$hba"; then
      sed -i '1i host all all 127.0.0.1/32 trust\nhost all all ::1/128 trust' "$hba"
    fi
  fi
  log "starting PostgreSQL $version/main"
  pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
  wait_until "${MELVIN_SERVICE_TIMEOUT:-60}" "PostgreSQL on 127.0.0.1:5432" pg_isready -q -h 127.0.0.1 -p 5432 \
    || die "PostgreSQL did not come up (see /var/log/postgresql/)"
  log "PostgreSQL is up"
}

_redis_ping() { [[ "$(redis-cli -h 127.0.0.1 -p 6379 ping 2>/dev/null)" == PONG ]]; }

ensure_redis() {
  if command -v redis-cli >/dev/null && _redis_ping; then
    log "Redis answers on 127.0.0.1:6379"
    return 0
  fi
  if ! command -v redis-server >/dev/null || ! command -v redis-cli >/dev/null; then
    apt_install redis-server
    _redis_ping && { log "Redis is up"; return 0; }
  fi
  log "starting Redis"
  redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no >/dev/null \
    || die "redis-server failed to start"
  wait_until "${MELVIN_SERVICE_TIMEOUT:-60}" "Redis on 127.0.0.1:6379" _redis_ping || die "Redis did not come up"
  log "Redis is up"
}

ensure_chromium() {
  local bin="${CHROMIUM_PATH:-/usr/bin/chromium}"
  if [[ ! -x "$bin" ]]; then
    apt_install chromium
    [[ -x "$bin" ]] || die "chromium installed but $bin is missing (set CHROMIUM_PATH)"
  fi
  log "Chromium: $("$bin" --version 2>/dev/null || echo "$bin")"
}

# podman (with runc: crun fails on this host's cgroup setup) for the image build and smoke test.
ensure_podman() {
  local tool missing=0 conf=/etc/containers/containers.conf
  for tool in podman runc debootstrap docker-compose; do
    command -v "$tool" >/dev/null || missing=1
  done
  [[ $missing -eq 0 ]] || apt_install podman runc debootstrap docker-compose
  if [[ ! -f "$conf" ]]; then
    log "writing $conf (runc runtime, no default ulimits)"
    _as_root mkdir -p /etc/containers
    printf '[engine]\nruntime = "runc"\n[containers]\ndefault_ulimits = []\n' | _as_root tee "$conf" >/dev/null
  fi
  log "$(podman --version)"
}

# Go for building FerretDB: the toolchain lives outside PATH on these machines.
ensure_go() {
  if ! command -v go >/dev/null && [[ -x /usr/local/go/bin/go ]]; then
    export PATH="$PATH:/usr/local/go/bin"
  fi
  command -v go >/dev/null || die "Go not found (expected /usr/local/go/bin/go; FerretDB needs Go >= 1.21)"
}
