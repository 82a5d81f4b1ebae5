#!/usr/bin/env bash
# Builds the five Melvin service images from docker/Dockerfile with podman.
#
#   docker/build-images.sh                 # all services, tag :dev
#   TAG=1.2.3 docker/build-images.sh auth  # some services, another tag
#
# The first image builds the shared `deps` and `build` stages (npm ci + one Nx
# build of every app); the others reuse them from the layer cache, so only their
# small final stage is built. The base image is local (see base-image.sh):
# --pull=never, and --format docker keeps the HEALTHCHECK (OCI images drop it).
set -euo pipefail
exec </dev/null

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TAG="${TAG:-dev}"
REPO="${IMAGE_REPO:-melvin}"
BASE_IMAGE=docker.io/library/node:20-bookworm-slim
ALL=(gateway auth chat loop-analysis ingestion-worker)
if [[ $# -gt 0 ]]; then SERVICES=("$@"); else SERVICES=("${ALL[@]}"); fi

log() { printf '[build-images] %s\n' "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

for svc in "${SERVICES[@]}"; do
  [[ " ${ALL[*]} " == *" $svc "* ]] || die "unknown service '$svc' (one of: ${ALL[*]})"
done
command -v podman >/dev/null || die "podman not found"
if ! podman image exists "$BASE_IMAGE"; then
  log "$BASE_IMAGE missing locally; building the stand-in"
  "$ROOT/docker/base-image.sh"
fi

LOG_DIR="${LOG_DIR:-$ROOT/tmp/image-builds}"
mkdir -p "$LOG_DIR"

# Build every image from one snapshot of the source tree: all of them come from the
# same code even while files are being edited, and the shared `COPY . .` layer (and
# with it the Nx build stage) is a cache hit for every image after the first.
# The snapshot leaves out what .dockerignore would drop anyway, to keep the copy small.
SNAPSHOT="$(mktemp -d "${TMPDIR:-/var/tmp}/melvin-build-context.XXXXXX")"
trap 'rm -rf "$SNAPSHOT"' EXIT
tar -C "$ROOT" --exclude=node_modules --exclude=./dist --exclude=./.nx --exclude=./.git \
    --exclude=./tmp --exclude=./coverage --exclude=./test-output --exclude=./.cache --exclude=./var \
    -cf - . | tar -C "$SNAPSHOT" -xf -
log "source snapshot: $SNAPSHOT ($(du -sh "$SNAPSHOT" | cut -f1))"
cd "$SNAPSHOT"
# Image IDs of this run, for docker/smoke-test.sh: tags are shared by every checkout
# on the machine (a second checkout's build may retag melvin/auth:dev at any time),
# an image ID is not.
RECORD="$LOG_DIR/images.env"
: >"$RECORD.partial"
declare -A SECS
total_start=$(date +%s)
for svc in "${SERVICES[@]}"; do
  image="$REPO/$svc:$TAG"
  log "building $image (log: $LOG_DIR/$svc.log)"
  start=$(date +%s)
  if ! podman build --pull=never --format docker \
        -f docker/Dockerfile \
        --build-arg SERVICE="$svc" \
        --build-arg MELVIN_VERSION="$TAG" \
        -t "$image" . >"$LOG_DIR/$svc.log" 2>&1; then
    tail -n 60 "$LOG_DIR/$svc.log" >&2
    die "build of $image failed after $(( $(date +%s) - start ))s (full log: $LOG_DIR/$svc.log)"
  fi
  SECS[$svc]=$(( $(date +%s) - start ))
  printf '%s=%s\n' "$svc" "$(podman image inspect --format '{{.Id}}' "$image")" >>"$RECORD.partial"
  log "built $image in ${SECS[$svc]}s"
done

mv "$RECORD.partial" "$RECORD"

printf '\n%-32s %8s %10s\n' IMAGE SECONDS SIZE
for svc in "${SERVICES[@]}"; do
  size=$(podman image inspect --format '{{.Size}}' "$REPO/$svc:$TAG")
  printf '%-32s %8s %7s MB\n' "$REPO/$svc:$TAG" "${SECS[$svc]}" "$(( size / 1000000 ))"
done
printf 'total: %ss\n' "$(( $(date +%s) - total_start ))"
