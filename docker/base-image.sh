#!/usr/bin/env bash
# Builds a local stand-in for docker.io/library/node:20-bookworm-slim.
#
# Why: the development/CI machines cannot reach any container registry, so the
# official image cannot be pulled. The stand-in is the same distribution
# (Debian 12 bookworm, glibc) with this machine's Node 20 + npm copied in, which
# is what the official slim image is too. The Dockerfile stays standard
# (`FROM node:20-bookworm-slim`) and builds with `--pull=never`.
#
# Stand-in only: NODE_EXTRA_CA_CERTS points npm at this machine's CA bundle so
# `npm ci` inside a build trusts the intercepting proxy; the official image
# does not need it.
#
# Usage (as root, no stdin needed):  docker/base-image.sh [--force]
# Env:
#   MELVIN_BASE_IMAGE   image name to create  (default docker.io/library/node:20-bookworm-slim)
#   MELVIN_BASE_ROOTFS  debootstrap cache dir (default /var/tmp/melvin-base-rootfs)
#   DEBIAN_MIRROR       apt mirror            (default http://deb.debian.org/debian)
set -euo pipefail

IMAGE="${MELVIN_BASE_IMAGE:-docker.io/library/node:20-bookworm-slim}"
ROOTFS="${MELVIN_BASE_ROOTFS:-/var/tmp/melvin-base-rootfs}"
MIRROR="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"
NODE_BIN="${NODE_BIN:-$(command -v node)}"
NPM_DIR="${NPM_DIR:-/usr/lib/node_modules/npm}"
CA_BUNDLE=/etc/ssl/certs/ca-certificates.crt
FORCE=0
[[ "${1:-}" == "--force" ]] && FORCE=1

log() { printf '[base-image] %s\n' "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

exec </dev/null
export DEBIAN_FRONTEND=noninteractive

[[ "$(id -u)" -eq 0 ]] || die "must run as root (debootstrap and podman import need it)"
for tool in podman debootstrap tar; do
  command -v "$tool" >/dev/null || die "'$tool' not found (apt-get install -y podman runc debootstrap)"
done

if [[ "$FORCE" -eq 0 ]] && podman image exists "$IMAGE"; then
  log "$IMAGE already exists; nothing to do (use --force to rebuild)"
  exit 0
fi

[[ -x "$NODE_BIN" ]] || die "node binary not found"
[[ -f "$NPM_DIR/bin/npm-cli.js" ]] || die "npm not found at $NPM_DIR"
[[ -f "$CA_BUNDLE" ]] || die "CA bundle $CA_BUNDLE not found"
node_major="$("$NODE_BIN" -p 'process.versions.node.split(".")[0]')"
[[ "$node_major" == "20" ]] || die "host node is v$node_major, the stand-in must carry Node 20"

start=$(date +%s)

# 1. Debian bookworm minbase, cached: debootstrap is the slow part (~40 s) and
#    its result never changes for a given mirror snapshot. A marker file tells
#    a finished rootfs from one interrupted half way.
if [[ ! -f "$ROOTFS/.melvin-debootstrap-complete" ]]; then
  log "debootstrap --variant=minbase bookworm -> $ROOTFS"
  rm -rf "$ROOTFS"
  mkdir -p "$ROOTFS"
  debootstrap --variant=minbase bookworm "$ROOTFS" "$MIRROR" >"$ROOTFS.debootstrap.log" 2>&1 \
    || { tail -n 30 "$ROOTFS.debootstrap.log" >&2; die "debootstrap failed (log: $ROOTFS.debootstrap.log)"; }
  # Slim like the official image: no apt lists, docs or man pages.
  rm -rf "$ROOTFS"/var/lib/apt/lists/* "$ROOTFS"/var/cache/apt/archives/*.deb \
         "$ROOTFS"/usr/share/doc/* "$ROOTFS"/usr/share/man/* "$ROOTFS"/usr/share/info/*
  touch "$ROOTFS/.melvin-debootstrap-complete"
else
  log "reusing cached rootfs $ROOTFS"
fi

# 2. Node + npm where the official image keeps them (/usr/local).
log "installing node $("$NODE_BIN" -v) and npm $("$NODE_BIN" "$NPM_DIR/bin/npm-cli.js" -v) into the rootfs"
rm -rf "$ROOTFS/usr/local/lib/node_modules/npm"
mkdir -p "$ROOTFS/usr/local/bin" "$ROOTFS/usr/local/lib/node_modules" "$ROOTFS/etc/ssl/certs"
install -m 0755 "$NODE_BIN" "$ROOTFS/usr/local/bin/node"
cp -a "$NPM_DIR" "$ROOTFS/usr/local/lib/node_modules/npm"
ln -sfn ../lib/node_modules/npm/bin/npm-cli.js "$ROOTFS/usr/local/bin/npm"
ln -sfn ../lib/node_modules/npm/bin/npx-cli.js "$ROOTFS/usr/local/bin/npx"
install -m 0644 "$CA_BUNDLE" "$ROOTFS/etc/ssl/certs/ca-certificates.crt"

# 3. The official image ships a `node` user (uid/gid 1000); so does the stand-in.
if ! grep -q '^node:' "$ROOTFS/etc/passwd"; then
  chroot "$ROOTFS" /usr/sbin/groupadd --gid 1000 node
  chroot "$ROOTFS" /usr/sbin/useradd --uid 1000 --gid node --shell /bin/bash --create-home node
fi

# Sanity check: the copied binary must run on the rootfs's own glibc.
chroot "$ROOTFS" /usr/local/bin/node -e 'process.exit(0)' \
  || die "node does not run inside the rootfs (glibc mismatch?)"

# 4. Import. The marker file is left out of the image.
log "podman import -> $IMAGE"
tar -C "$ROOTFS" --exclude=./.melvin-debootstrap-complete --numeric-owner -c . \
  | podman import --quiet \
      --change 'CMD ["node"]' \
      --change 'ENV NODE_VERSION='"$("$NODE_BIN" -p process.versions.node)" \
      --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
      --change 'ENV NODE_EXTRA_CA_CERTS=/etc/ssl/certs/ca-certificates.crt' \
      - "$IMAGE" >/dev/null

podman image exists "$IMAGE" || die "import did not produce $IMAGE"
log "done in $(( $(date +%s) - start ))s: $IMAGE, $(( $(podman image inspect --format '{{.Size}}' "$IMAGE") / 1000000 )) MB"
podman run --rm --pull=never "$IMAGE" node -e 'console.log("node", process.version, "glibc", process.report.getReport().header.glibcVersionRuntime)'
