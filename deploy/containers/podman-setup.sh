#!/usr/bin/env bash
# Installs and configures podman where it is missing (Debian): podman with runc (crun fails on these machines:
# hybrid cgroups, and raising rlimits is not permitted), debootstrap for the base image, podman-compose.
set -euo pipefail
SUDO=$([ "$(id -u)" -eq 0 ] && echo "" || echo sudo)
missing=()
for tool in podman runc debootstrap podman-compose; do
  command -v "$tool" > /dev/null || missing+=("$tool")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq podman runc debootstrap podman-compose > /dev/null
fi
conf=/etc/containers/containers.conf
if ! grep -qs '^runtime *= *"runc"' "$conf"; then
  echo "configuring podman in $conf: runc, and ulimits these machines permit"
  $SUDO mkdir -p /etc/containers
  $SUDO tee "$conf" > /dev/null <<'CONF'
[engine]
runtime = "runc"
[containers]
default_ulimits = ["nofile=20000:20000", "nproc=4096:4096"]
CONF
fi
podman --version
