#!/bin/sh
# Installs the Jarvis satellite from its packed tarball on Raspberry Pi OS or Debian:
#   sudo sh install.sh jarvis-satellite-0.1.0.tgz
# --prefix DIR installs under DIR instead of npm's global prefix; --no-service installs the
# program only (no user, config or systemd unit).
set -eu

prefix=""
service=1
tarball=""
while [ $# -gt 0 ]; do
  case "$1" in
    --prefix) prefix=$2; shift 2 ;;
    --no-service) service=0; shift ;;
    -h | --help) sed -n '2,6p' "$0"; exit 0 ;;
    *) tarball=$1; shift ;;
  esac
done
if [ -z "$tarball" ] || [ ! -f "$tarball" ]; then
  echo "usage: install.sh [--prefix DIR] [--no-service] jarvis-satellite-VERSION.tgz" >&2
  exit 2
fi
tarball=$(cd "$(dirname "$tarball")" && pwd)/$(basename "$tarball")
if ! node -e 'process.exit(Number(process.versions.node.split(".")[0]) >= 20 ? 0 : 1)' 2>/dev/null; then
  echo "install.sh: Node.js 20 or newer is needed (see the satellite's README)" >&2
  exit 1
fi
if [ "$service" = 1 ] && ! command -v arecord >/dev/null; then
  apt-get install -y alsa-utils
fi

set -- --global --omit=dev --no-audit --no-fund
if [ -n "$prefix" ]; then set -- "$@" --prefix "$prefix"; fi
# No install scripts: onnxruntime-node's would fetch CUDA libraries on x86-64 (the satellite runs on CPU).
npm install --ignore-scripts "$@" "$tarball"
root=$(npm root "$@")/@jarvis/satellite
bin=$(npm prefix "$@")/bin/jarvis-satellite

# onnxruntime-node carries its library for five platforms; keep this machine's only.
here=$(node -p 'process.platform + "/" + process.arch')
for dir in "$root"/node_modules/onnxruntime-node/bin/napi-v*/*/*; do
  case "$dir" in
    */"$here") ;;
    *) rm -rf "$dir" ;;
  esac
done
echo "installed $bin"

if [ "$service" = 1 ]; then
  if ! id jarvis-satellite >/dev/null 2>&1; then
    useradd --system --no-create-home --shell /usr/sbin/nologin --groups audio jarvis-satellite
  fi
  mkdir -p /etc/jarvis
  if [ ! -f /etc/jarvis/satellite.yaml ]; then
    cp "$root/satellite.example.yaml" /etc/jarvis/satellite.yaml
  fi
  sed "s#^ExecStart=/usr/bin/jarvis-satellite#ExecStart=$bin#" \
    "$root/systemd/jarvis-satellite.service" >/etc/systemd/system/jarvis-satellite.service
  systemctl daemon-reload
  systemctl enable jarvis-satellite
  echo "edit /etc/jarvis/satellite.yaml, then: sudo systemctl start jarvis-satellite"
fi
