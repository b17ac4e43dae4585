#!/usr/bin/env bash
# Prepares a machine for the example and the tests: a Docker engine, a local registry and an offline Python base image.
# Idempotent: each step is skipped when its result is already there, so it is cheap to call before every run.
set -euo pipefail

OFFLINE_BASE_IMAGE=${OFFLINE_BASE_IMAGE:-sagemaker-train/python-offline:bookworm}
REGISTRY_ADDR=${REGISTRY_ADDR:-127.0.0.1:5000}
STATE_DIR=${SETUP_STATE_DIR:-/var/tmp/sagemaker-train-env}
log() { printf '[setup-env] %s\n' "$*" >&2; }

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

install_packages() {
  local missing=()
  command -v dockerd >/dev/null || missing+=(docker.io)
  command -v docker-registry >/dev/null || missing+=(docker-registry)
  command -v debootstrap >/dev/null || missing+=(debootstrap)
  # Debian has it; Ubuntu (GitHub's runners) needs it to verify the bookworm packages debootstrap fetches.
  [ -f /usr/share/keyrings/debian-archive-keyring.gpg ] || missing+=(debian-archive-keyring)
  # The report rendering test (test/report/render.itg.test.ts) drives Debian's Chromium; the emoji font draws the
  # verdict's colours as GitHub shows them.
  command -v chromium >/dev/null || missing+=(chromium)
  [ -f /usr/share/fonts/truetype/noto/NotoColorEmoji.ttf ] || missing+=(fonts-noto-color-emoji)
  [ ${#missing[@]} -eq 0 ] && return
  log "installing ${missing[*]}"
  as_root apt-get update -q >/dev/null
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}" >/dev/null
}

docker_ready() { docker version --format '{{.Server.Version}}' >/dev/null 2>&1; }

start_dockerd() {
  docker_ready && return
  log "starting dockerd"
  as_root mkdir -p "$STATE_DIR"
  # --iptables=false: this sandbox has no netfilter; containers still reach each other on user-defined bridges.
  as_root sh -c "nohup dockerd --iptables=false >'$STATE_DIR/dockerd.log' 2>&1 &"
  for _ in $(seq 1 60); do docker_ready && return; sleep 0.5; done
  log "dockerd did not start; its log:"; tail -n 30 "$STATE_DIR/dockerd.log" >&2; exit 1
}

start_registry() {
  if curl -fsS "http://$REGISTRY_ADDR/v2/" >/dev/null 2>&1; then return; fi
  log "starting docker-registry on $REGISTRY_ADDR"
  as_root mkdir -p "$STATE_DIR/registry"
  cat >"$STATE_DIR/registry.yml" <<YML
version: 0.1
storage: { filesystem: { rootdirectory: $STATE_DIR/registry }, delete: { enabled: true } }
http: { addr: $REGISTRY_ADDR }
YML
  as_root sh -c "nohup docker-registry serve '$STATE_DIR/registry.yml' >'$STATE_DIR/registry.log' 2>&1 &"
  for _ in $(seq 1 40); do curl -fsS "http://$REGISTRY_ADDR/v2/" >/dev/null 2>&1 && return; sleep 0.25; done
  log "registry did not start; its log:"; tail -n 30 "$STATE_DIR/registry.log" >&2; exit 1
}

# GitHub runs the action on node24 (action.yml); the CLI supports Node 20 too. The black-box tests run the bundles on
# both: Node 24 comes from the npm registry (the official binary, in the node-linux-<arch> package), cached here.
NODE24_VERSION=${NODE24_VERSION:-24}
install_node24() {
  local dir="$STATE_DIR/node24" arch
  if [ -x "$dir/bin/node" ] && "$dir/bin/node" -e 'process.exit(process.versions.node.split(".")[0] === "24" ? 0 : 1)'; then
    return
  fi
  case "$(uname -m)" in x86_64) arch=x64 ;; aarch64 | arm64) arch=arm64 ;; *) log "no Node 24 package for $(uname -m)"; return ;; esac
  log "installing Node $NODE24_VERSION (node-linux-$arch from the npm registry) into $dir"
  mkdir -p "$dir/bin"
  npm install --prefix "$dir" --no-save --no-audit --no-fund --loglevel=error "node-linux-$arch@$NODE24_VERSION" >/dev/null
  ln -sfn "$dir/node_modules/node-linux-$arch/bin/node" "$dir/bin/node"
  "$dir/bin/node" --version >/dev/null
}

# No public registry is reachable on every machine, so the Python base image is built from Debian's packages.
build_offline_base_image() {
  if docker image inspect "$OFFLINE_BASE_IMAGE" >/dev/null 2>&1; then return; fi
  log "building $OFFLINE_BASE_IMAGE with debootstrap (about a minute)"
  local root; root=$(mktemp -d)
  as_root debootstrap --variant=minbase --include=python3 bookworm "$root" >"$STATE_DIR/debootstrap.log" 2>&1 ||
    { tail -n 30 "$STATE_DIR/debootstrap.log" >&2; exit 1; }
  as_root rm -rf "$root"/var/cache/apt/archives/*.deb "$root"/var/lib/apt/lists/*
  # An imported image has no configuration of its own: give it the PATH a Dockerfile's ENV can extend.
  as_root tar -C "$root" -c . |
    docker import -c 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' -c 'CMD ["python3"]' \
      - "$OFFLINE_BASE_IMAGE" >/dev/null
  as_root rm -rf "$root"
}

install_packages
# Owned by the caller: this script writes logs and the registry's configuration there without sudo.
as_root mkdir -p "$STATE_DIR"
as_root chown "$(id -u):$(id -g)" "$STATE_DIR"
start_dockerd
start_registry
build_offline_base_image
install_node24
log "ready: docker $(docker version --format '{{.Server.Version}}'), registry $REGISTRY_ADDR, base image $OFFLINE_BASE_IMAGE, node24 $("$STATE_DIR/node24/bin/node" --version 2>/dev/null || echo missing)"
