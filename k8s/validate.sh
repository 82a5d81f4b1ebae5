#!/usr/bin/env bash
# Offline check of the Melvin manifests: renders every overlay with kustomize
# (`kubectl kustomize`, or a standalone `kustomize`) and checks what the
# deployment rules require of the result. No cluster is contacted.
#   - every Melvin container: liveness on /health/live, readiness on /health/ready,
#     requests and limits, non-root, read-only root filesystem, no privilege
#     escalation, all capabilities dropped, a pinned image tag (never :latest);
#   - a Deployment and a Service for each of the five services, the migrate Job
#     running `node main.js migrate` in the auth image, then in the ingestion-worker
#     image (the two initContainers, in that order), then in the chat image (its
#     only container), the ConfigMap, and no Secret object with data (credentials
#     are created out of band);
#   - POSTGRES_URL from the Secret for every service that uses PostgreSQL;
#   - the same container rules for init containers (probes and the node budget
#     apply to Deployments only);
#   - prod runs more gateway replicas than dev;
#   - the requests of one overlay fit a 16 GB / 4-core node with room to spare.
# Without kustomize it falls back to a YAML syntax check of every file.
set -euo pipefail
exec </dev/null

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
log() { printf '[k8s-validate] %s\n' "$*" >&2; }
die() { log "FAIL: $*"; exit 1; }

python3 -c 'import yaml' 2>/dev/null || die "python3 with PyYAML is needed (apt-get install -y python3-yaml)"

if command -v kubectl >/dev/null; then RENDER=(kubectl kustomize)
elif command -v kustomize >/dev/null; then RENDER=(kustomize build)
else
  log "no kubectl or kustomize: checking YAML syntax only"
  find "$HERE" -name '*.yaml' -print0 | xargs -0 python3 -c '
import sys, yaml
for path in sys.argv[1:]:
    list(yaml.safe_load_all(open(path)))
print(f"{len(sys.argv) - 1} YAML files parse", file=sys.stderr)'
  exit 0
fi

TMP="$(mktemp -d "${TMPDIR:-/tmp}/melvin-k8s.XXXXXX")"
trap 'rm -rf "$TMP"' EXIT
for overlay in "$HERE"/overlays/*/; do
  name="$(basename "$overlay")"
  "${RENDER[@]}" "$overlay" >"$TMP/$name.yaml" 2>"$TMP/$name.err" \
    || die "kustomize could not render overlays/$name: $(cat "$TMP/$name.err")"
  log "rendered overlays/$name: $(grep -c '^kind:' "$TMP/$name.yaml") objects"
done

python3 - "$TMP"/*.yaml <<'PY' || die "policy check failed"
import os, re, sys, yaml

SERVICES = {"gateway": 8000, "auth": 8101, "chat": 8102, "loop-analysis": 8103, "ingestion-worker": 8104}
NODE_CPU_M, NODE_MEM_MI = 4000, 16 * 1024

def cpu_m(v):
    v = str(v)
    return int(v[:-1]) if v.endswith("m") else int(float(v) * 1000)

def mem_mi(v):
    m = re.fullmatch(r"(\d+)(Mi|Gi)", str(v))
    if not m:
        raise ValueError(f"unexpected memory quantity {v!r}")
    return int(m[1]) * (1024 if m[2] == "Gi" else 1)

errors, replicas = [], {}
for path in sys.argv[1:]:
    overlay = os.path.basename(path)[:-5]
    docs = [d for d in yaml.safe_load_all(open(path)) if d]
    err = lambda msg: errors.append(f"{overlay}: {msg}")
    by_kind = {}
    for d in docs:
        by_kind.setdefault(d["kind"], {})[d["metadata"]["name"]] = d
    for kind in ("Secret",):
        for n, d in by_kind.get(kind, {}).items():
            if d.get("data") or d.get("stringData"):
                err(f"Secret {n} carries values: credentials must not be committed")
    if not any(n.startswith("melvin-config") for n in by_kind.get("ConfigMap", {})):
        err("ConfigMap melvin-config missing")
    for svc, port in SERVICES.items():
        if svc not in by_kind.get("Deployment", {}):
            err(f"Deployment {svc} missing")
        svc_obj = by_kind.get("Service", {}).get(svc)
        if not svc_obj or svc_obj["spec"]["ports"][0]["port"] != port:
            err(f"Service {svc} missing or not on port {port}")
    job = by_kind.get("Job", {}).get("melvin-migrate")
    if not job:
        err("Job melvin-migrate missing")
    else:
        # Identity, then knowledge (the init containers, in order), then conversations (the
        # container): each image migrates only its own tables.
        pod = job["spec"]["template"]["spec"]
        inits, mains = pod.get("initContainers") or [], pod.get("containers") or []
        if len(inits) != 2 or len(mains) != 1:
            err(f"Job melvin-migrate must have 2 init containers and 1 container "
                f"(has {len(inits)} and {len(mains)})")
        steps = [(inits + [None, None])[0], (inits + [None, None])[1], (mains + [None])[0]]
        where = ("as its first init container", "as its second init container", "as its container")
        for c, service, place in zip(steps, ("auth", "ingestion-worker", "chat"), where):
            if not c or c.get("command") != ["node", "main.js", "migrate"] or not re.match(rf"^(.*/)?melvin/{service}:", c.get("image", "")):
                err(f"Job melvin-migrate must run `node main.js migrate` in the {service} image {place}")
                continue
            names = {e.get("name") for e in c.get("env", [])}
            # Each service validates its whole config, also for this command.
            required = {"POSTGRES_URL", "REDIS_URL"} | {"auth": {"JWT_SECRET"}, "ingestion-worker": {"DATA_DIR"}, "chat": {"MONGO_URL"}}[service]
            for key in sorted(required - names):
                err(f"Job melvin-migrate/{c['name']}: {key} missing")
    for svc in ("auth", "chat", "loop-analysis", "ingestion-worker"):
        d = by_kind.get("Deployment", {}).get(svc)
        env = d["spec"]["template"]["spec"]["containers"][0].get("env", []) if d else []
        ref = next((e.get("valueFrom", {}).get("secretKeyRef", {}) for e in env if e.get("name") == "POSTGRES_URL"), None)
        if d and (not ref or ref.get("name") != "melvin-secrets"):
            err(f"{svc}: POSTGRES_URL must come from the Secret melvin-secrets")

    req_cpu = req_mem = 0
    workloads = list(by_kind.get("Deployment", {}).values()) + list(by_kind.get("Job", {}).values())
    for w in workloads:
        n = w["metadata"]["name"]
        pod = w["spec"]["template"]["spec"]
        count = w["spec"].get("replicas", 1)
        if w["kind"] == "Deployment":
            replicas.setdefault(n, {})[overlay] = count
        psc = pod.get("securityContext", {})
        if not psc.get("runAsNonRoot") or psc.get("runAsUser", 0) == 0:
            err(f"{n}: pod must run as a non-root user")
        for c in pod.get("initContainers", []) + pod["containers"]:
            where = f"{n}/{c['name']}"
            image = c.get("image", "")
            tag = image.rsplit("/", 1)[-1].partition(":")[2]
            if not tag or tag == "latest":
                err(f"{where}: image {image!r} is not pinned")
            sc = c.get("securityContext", {})
            if not sc.get("readOnlyRootFilesystem"):
                err(f"{where}: root filesystem is writable")
            if sc.get("allowPrivilegeEscalation") is not False:
                err(f"{where}: allowPrivilegeEscalation must be false")
            if "ALL" not in sc.get("capabilities", {}).get("drop", []):
                err(f"{where}: capabilities not dropped")
            res = c.get("resources", {})
            for part in ("requests", "limits"):
                for key in ("cpu", "memory"):
                    if key not in res.get(part, {}):
                        err(f"{where}: resources.{part}.{key} missing")
            if w["kind"] == "Deployment" and c in pod["containers"]:
                req_cpu += count * cpu_m(res["requests"]["cpu"])
                req_mem += count * mem_mi(res["requests"]["memory"])
                live = c.get("livenessProbe", {}).get("httpGet", {}).get("path")
                ready = c.get("readinessProbe", {}).get("httpGet", {}).get("path")
                if live != "/health/live" or ready != "/health/ready":
                    err(f"{where}: probes must be /health/live and /health/ready (got {live}, {ready})")
    # The Melvin services must leave most of the node to PostgreSQL, MongoDB,
    # Redis, Qdrant and Ollama: at most half of it in requests.
    if req_cpu > NODE_CPU_M // 2 or req_mem > NODE_MEM_MI // 2:
        err(f"requests {req_cpu}m CPU / {req_mem}Mi exceed half of a 4-core 16 GB node")
    print(f"{overlay}: {len(docs)} objects, Melvin requests {req_cpu}m CPU / {req_mem}Mi", file=sys.stderr)

gw = replicas.get("gateway", {})
if "prod" in gw and "dev" in gw and gw["prod"] <= gw["dev"]:
    errors.append(f"prod must run more gateway replicas than dev ({gw})")
if errors:
    print("\n".join("  - " + e for e in errors), file=sys.stderr)
    sys.exit(1)
PY
log "PASS"
