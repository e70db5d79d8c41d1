#!/usr/bin/env bash
# The whole test suite, one command: domain tests, web tests on SQLite and on PostgreSQL, browser
# tests in Debian's Chromium and the two-node cluster behind nginx. Run as root on a fresh Debian
# machine it installs what is missing. Under CI=true nothing may be left out: a missing PostgreSQL,
# Chromium or nginx fails the run.
set -uo pipefail
cd "$(dirname "$0")"
ci=${CI:-false}
chromium=${CUNZHI_CHROMIUM:-/usr/bin/chromium}

missing=()
command -v pg_ctlcluster >/dev/null 2>&1 || [ -n "${CUNZHI_TEST_POSTGRES:-}" ] || missing+=(postgresql)
[ -x "$chromium" ] || missing+=(chromium)
fc-list 2>/dev/null | grep -qi "noto.*cjk" || missing+=(fonts-noto-cjk)
command -v nginx >/dev/null 2>&1 || missing+=(nginx)
if [ ${#missing[@]} -gt 0 ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "test.sh: 安装测试依赖：${missing[*]}"
  bash scripts/test-deps.sh || exit 1
fi

if [ -z "${CUNZHI_TEST_POSTGRES:-}" ] && command -v pg_ctlcluster >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  # shellcheck source=scripts/postgres.sh
  source scripts/postgres.sh || true
fi

pg=true
if [ -z "${CUNZHI_TEST_POSTGRES:-}" ]; then
  if [ "$ci" = true ]; then
    echo "test.sh: CI 下必须有 PostgreSQL（CUNZHI_TEST_POSTGRES）；PostgreSQL 测试将失败。" >&2
  else
    echo "test.sh: 警告：没有 PostgreSQL，本次不运行 PostgreSQL 测试（Category=Postgres）。" >&2
    pg=false
  fi
fi
browser=true
if [ ! -x "$chromium" ]; then
  if [ "$ci" = true ]; then
    echo "test.sh: CI 下必须有 Chromium（$chromium）；浏览器测试将失败。" >&2
  else
    echo "test.sh: 警告：没有 Chromium，本次不运行浏览器测试（Category=Browser）。" >&2
    browser=false
  fi
fi
# The scripted cluster (scripts/cluster.sh: PostgreSQL primary + standby, two nodes, nginx) needs nginx and
# PostgreSQL's server programs (initdb, pg_basebackup).
cluster=true
if ! command -v nginx >/dev/null 2>&1 || ! ls /usr/lib/postgresql/*/bin/pg_basebackup >/dev/null 2>&1; then
  if [ "$ci" = true ]; then
    echo "test.sh: CI 下必须有 nginx 和 PostgreSQL 服务端程序；集群测试将失败。" >&2
  else
    echo "test.sh: 警告：没有 nginx 或 PostgreSQL 服务端程序，本次不运行集群测试（Category=Cluster）。" >&2
    cluster=false
  fi
fi

log=$(mktemp)
status=0
if ! dotnet build Cunzhi.slnx -m:1 >"$log" 2>&1; then
  cat "$log"; rm -f "$log"
  echo "test.sh: 编译失败" >&2
  exit 1
fi

# Business time is China time whatever the server's zone (README, Security): the rules are tested on
# servers set to UTC and to a zone west of UTC, not in the developer's own zone.
run() { # run TZ PROJECT [FILTER]
  local zone=$1 project=$2 filter=${3:-}
  echo "== $project ${filter:+($filter) }TZ=$zone"
  TZ=$zone dotnet test "$project" --no-build ${filter:+--filter "$filter"} 2>&1 | tee -a "$log"
  [ "${PIPESTATUS[0]}" -eq 0 ] || status=1
}
run America/Los_Angeles tests/Cunzhi.Domain.Tests
run Etc/UTC tests/Cunzhi.Web.Tests "Category!=Postgres"
if [ "$pg" = true ]; then run America/Los_Angeles tests/Cunzhi.Web.Tests "Category=Postgres"; fi
run Etc/UTC bench/Cunzhi.Bench.Tests "$([ "$pg" = true ] || echo 'Category!=Postgres')"
if [ "$browser" = true ]; then run Etc/UTC tests/Cunzhi.E2E; fi
if [ "$cluster" = true ]; then run Etc/UTC tests/Cunzhi.Cluster.Tests; fi

# One closing line for the whole suite, summed over the test projects.
read -r passed failed skipped < <(grep -E '^(Passed|Failed)!' "$log" | sed -E 's/.*Failed: *([0-9]+), Passed: *([0-9]+), Skipped: *([0-9]+).*/\2 \1 \3/' \
  | awk '{p+=$1; f+=$2; s+=$3} END {print p+0, f+0, s+0}')
rm -f "$log"
echo
echo "tests: $passed passed, $failed failed, $skipped skipped"
if [ "$status" -eq 0 ] && [ "$passed" -eq 0 ]; then
  echo "test.sh: 没有运行任何测试" >&2
  exit 1
fi
exit "$status"
