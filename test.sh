#!/usr/bin/env bash
# The whole test suite, one command: domain tests, web tests on SQLite and on PostgreSQL, and
# browser tests in Debian's Chromium. Run as root on a fresh Debian machine it installs what is
# missing. Under CI=true nothing may be left out: a missing PostgreSQL or Chromium fails the run.
set -uo pipefail
cd "$(dirname "$0")"
ci=${CI:-false}
chromium=${CUNZHI_CHROMIUM:-/usr/bin/chromium}

missing=()
command -v pg_ctlcluster >/dev/null 2>&1 || [ -n "${CUNZHI_TEST_POSTGRES:-}" ] || missing+=(postgresql)
[ -x "$chromium" ] || missing+=(chromium)
fc-list 2>/dev/null | grep -qi "noto.*cjk" || missing+=(fonts-noto-cjk)
if [ ${#missing[@]} -gt 0 ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "test.sh: 安装测试依赖：${missing[*]}"
  bash scripts/test-deps.sh || exit 1
fi

if [ -z "${CUNZHI_TEST_POSTGRES:-}" ] && command -v pg_ctlcluster >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  # shellcheck source=scripts/postgres.sh
  source scripts/postgres.sh || true
fi

filters=()
if [ -z "${CUNZHI_TEST_POSTGRES:-}" ]; then
  if [ "$ci" = true ]; then
    echo "test.sh: CI 下必须有 PostgreSQL（CUNZHI_TEST_POSTGRES）；PostgreSQL 测试将失败。" >&2
  else
    echo "test.sh: 警告：没有 PostgreSQL，本次不运行 PostgreSQL 测试（Category=Postgres）。" >&2
    filters+=("Category!=Postgres")
  fi
fi
if [ ! -x "$chromium" ]; then
  if [ "$ci" = true ]; then
    echo "test.sh: CI 下必须有 Chromium（$chromium）；浏览器测试将失败。" >&2
  else
    echo "test.sh: 警告：没有 Chromium，本次不运行浏览器测试（Category=Browser）。" >&2
    filters+=("Category!=Browser")
  fi
fi
filter=$(IFS='&'; echo "${filters[*]:-}")

log=$(mktemp)
# One test project at a time (-m:1): on two cores the browser tests time out when they share the
# machine with the web tests' many app instances.
dotnet test Cunzhi.slnx -m:1 ${filter:+--filter "$filter"} 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

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
