#!/usr/bin/env bash
# Validates docker-compose.yml offline (no engine, no registry, no real .env).
#
# The compose file is copied into a temporary directory next to a generated .env
# holding dummy values, so the real .env (if any) is neither read nor written.
# Checks:
#   1. `config -q` accepts the file (schema, interpolation, anchors/merges);
#   2. without POSTGRES_PASSWORD it is refused with the message naming it;
#   3. policy on the resolved file: pinned image tags (no :latest, no untagged),
#      a healthcheck on every long-running service, depends_on with conditions,
#      the three migrate one-shots (`node main.js migrate` in the auth image, then in
#      the ingestion-worker image, then in the chat image) and the services that
#      must wait for them,
#      POSTGRES_URL for every service that reads or writes PostgreSQL,
#      the data directory mounted read-only, named volumes for the data stores,
#      and the Melvin services read-only with all capabilities dropped.
# Uses docker-compose (v1), `docker compose` (v2) or podman-compose, whichever exists.
set -euo pipefail
exec </dev/null

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
COMPOSE_FILE="${1:-$ROOT/docker-compose.yml}"
log() { printf '[validate-compose] %s\n' "$*" >&2; }
die() { log "FAIL: $*"; exit 1; }

[[ -f "$COMPOSE_FILE" ]] || die "$COMPOSE_FILE not found"
if command -v docker-compose >/dev/null; then COMPOSE=(docker-compose)
elif command -v docker >/dev/null && docker compose version >/dev/null 2>&1; then COMPOSE=(docker compose)
elif command -v podman-compose >/dev/null; then COMPOSE=(podman-compose)
else die "no compose tool (apt-get install -y docker-compose)"; fi

TMP="$(mktemp -d "${TMPDIR:-/tmp}/melvin-compose.XXXXXX")"
trap 'rm -rf "$TMP"' EXIT
cp "$COMPOSE_FILE" "$TMP/docker-compose.yml"
# Dummy values only; generated here, deleted on exit, never in the repository.
cat >"$TMP/.env" <<'EOF'
POSTGRES_PASSWORD=validate-only-not-a-secret
JWT_SECRET=validate-only-not-a-secret-0123456789abcdef
MELVIN_DATA_DIR=/nonexistent/melvin-data
NODE_ENV=production
LOG_LEVEL=info
EOF

cd "$TMP"
log "using ${COMPOSE[*]}"
out="$("${COMPOSE[@]}" -f docker-compose.yml config -q 2>&1)" || die "config rejected the file:"$'\n'"$out"
log "config -q: ok"

# The required secret: without it, compose must refuse and say which variable.
grep -v '^POSTGRES_PASSWORD=' .env >.env.without && mv .env.without .env
if out="$("${COMPOSE[@]}" -f docker-compose.yml config -q 2>&1)"; then
  die "config accepted the file without POSTGRES_PASSWORD"
fi
grep -q 'POSTGRES_PASSWORD' <<<"$out" || die "missing POSTGRES_PASSWORD was refused, but the message does not name it: $out"
log "without POSTGRES_PASSWORD: refused as it should be (\"${out##*: }\")"
printf 'POSTGRES_PASSWORD=validate-only-not-a-secret\n' >>.env

"${COMPOSE[@]}" -f docker-compose.yml config >resolved.yml 2>/dev/null || die "config failed"

# Policy checks on the resolved file (python3 + PyYAML: docker-compose itself needs both).
python3 - resolved.yml <<'PY' || die "policy check failed"
import sys, yaml

doc = yaml.safe_load(open(sys.argv[1]))
services = doc.get("services", {})
ONE_SHOTS = {"migrate": "auth", "migrate-knowledge": "ingestion-worker", "migrate-conversations": "chat"}
melvin = {"api", "auth", "chat", "loop-analysis", "ingestion-worker"} | ONE_SHOTS.keys()
expected = melvin | {"postgres", "mongodb", "redis", "qdrant", "ollama"}
errors = []

missing = expected - services.keys()
if missing:
    errors.append(f"services missing: {sorted(missing)}")

for name, svc in services.items():
    image = svc.get("image", "")
    tag = image.rsplit("/", 1)[-1].partition(":")[2]
    if not tag or tag == "latest":
        errors.append(f"{name}: image '{image}' is not pinned to a tag")
    if name not in ONE_SHOTS:
        hc = svc.get("healthcheck") or {}
        if not hc.get("test") or hc.get("disable"):
            errors.append(f"{name}: no healthcheck")
    deps = svc.get("depends_on") or {}
    if isinstance(deps, list):
        errors.append(f"{name}: depends_on must use conditions, not a list")
    else:
        for dep, spec in deps.items():
            cond = (spec or {}).get("condition")
            if cond not in ("service_healthy", "service_completed_successfully"):
                errors.append(f"{name}: depends_on {dep} has condition {cond!r}")
    if name in melvin:
        build = svc.get("build") or {}
        if not str(build.get("dockerfile", "")).endswith("docker/Dockerfile") or "SERVICE" not in (build.get("args") or {}):
            errors.append(f"{name}: must build docker/Dockerfile with the SERVICE build arg")
        if not svc.get("read_only"):
            errors.append(f"{name}: root filesystem is not read-only")
        if "ALL" not in (svc.get("cap_drop") or []):
            errors.append(f"{name}: capabilities are not dropped")
        if not any("no-new-privileges" in s for s in svc.get("security_opt") or []):
            errors.append(f"{name}: no-new-privileges missing")

def waits_for(name, dep, condition):
    return ((services.get(name, {}).get("depends_on") or {}).get(dep) or {}).get("condition") == condition

for name, image_service in ONE_SHOTS.items():
    job = services.get(name, {})
    if job.get("command") != ["node", "main.js", "migrate"]:
        errors.append(f"{name}: command is {job.get('command')!r}")
    if job.get("restart") not in (None, "no"):
        errors.append(f"{name} must not restart")
    if not str(job.get("image", "")).startswith(f"melvin/{image_service}:"):
        errors.append(f"{name}: must run the {image_service} image (got {job.get('image')!r})")
# Identity, then knowledge, then conversations: each image migrates only its own context's tables.
for name, dep in (("migrate-knowledge", "migrate"), ("migrate-conversations", "migrate-knowledge")):
    if not waits_for(name, dep, "service_completed_successfully"):
        errors.append(f"{name}: must run after {dep} has completed successfully")
for name, dep in (("auth", "migrate"), ("chat", "migrate-knowledge"), ("chat", "migrate-conversations"),
                  ("loop-analysis", "migrate-knowledge"), ("ingestion-worker", "migrate-knowledge")):
    if not waits_for(name, dep, "service_completed_successfully"):
        errors.append(f"{name}: must wait for {dep} to complete successfully")
for name in (*ONE_SHOTS, "auth", "chat", "loop-analysis", "ingestion-worker"):
    env = services.get(name, {}).get("environment") or {}
    if not str(env.get("POSTGRES_URL", "")).startswith("postgres://"):
        errors.append(f"{name}: POSTGRES_URL missing")
    if not waits_for(name, "postgres", "service_healthy"):
        errors.append(f"{name}: must wait for postgres to be healthy")

api = services.get("api", {})
ports = [str(p.get("published", "")) + ":" + str(p.get("target", "")) if isinstance(p, dict) else str(p) for p in api.get("ports", [])]
if not any(p.endswith("8000:8000") for p in ports):
    errors.append(f"api: port 8000:8000 not published ({ports})")
pg_ports = [str(p) for p in services.get("postgres", {}).get("ports", [])]
if not any("8004" in p and "5432" in p for p in pg_ports):
    errors.append(f"postgres: host port 8004 -> 5432 not published ({pg_ports})")

worker_vols = [str(v) for v in services.get("ingestion-worker", {}).get("volumes", [])]
if not any(v.endswith(":/data:ro") or ("/data" in v and "read_only" in v) for v in worker_vols):
    errors.append(f"ingestion-worker: data directory not mounted read-only at /data ({worker_vols})")

named = set((doc.get("volumes") or {}).keys())
for name in ("postgres", "mongodb", "redis", "qdrant", "ollama"):
    vols = [str(v) for v in services.get(name, {}).get("volumes", [])]
    if not any(v.split(":", 1)[0] in named for v in vols):
        errors.append(f"{name}: data not on a named volume ({vols})")

# chat validates its whole config, also for the migrate command.
if not str((services.get("migrate-conversations", {}).get("environment") or {}).get("MONGO_URL", "")).startswith("mongodb"):
    errors.append("migrate-conversations: MONGO_URL missing (chat's config requires it)")

if errors:
    print("\n".join("  - " + e for e in errors), file=sys.stderr)
    sys.exit(1)
print(f"policy: ok ({len(services)} services, volumes: {', '.join(sorted(named))})", file=sys.stderr)
PY
log "PASS"
