#!/usr/bin/env bash
# Installs what the whole test suite needs beyond the .NET SDK and Node: PostgreSQL, Chromium,
# a CJK font (without it, screenshots show boxes for Chinese) and nginx (the cluster test's load
# balancer, scripts/cluster.sh). Debian packages; needs root.
set -euo pipefail
if [ "$(id -u)" != 0 ]; then
  echo "test-deps: 需要 root 才能安装 postgresql chromium fonts-noto-cjk nginx" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update
apt-get install -y postgresql chromium fonts-noto-cjk nginx
