#!/usr/bin/env bash
# Source this file: starts the local PostgreSQL cluster on 127.0.0.1 (Debian's pg_ctlcluster),
# gives the postgres role a test password, and exports CUNZHI_TEST_POSTGRES for the test suite.
# Test fixtures create and drop their own databases (cunzhi_test_*).
cluster=$(pg_lsclusters --no-header 2>/dev/null | awk 'NR==1 {print $1" "$2}')
if [ -z "$cluster" ]; then
  echo "postgres: 没有找到 PostgreSQL 集群（apt-get install postgresql 会创建 15/main）" >&2
  return 1 2>/dev/null || exit 1
fi
set -- $cluster
if ! pg_lsclusters --no-header | awk -v v="$1" -v n="$2" '$1==v && $2==n && $4=="online" {found=1} END {exit !found}'; then
  pg_ctlcluster "$1" "$2" start
fi
port=$(pg_lsclusters --no-header | awk -v v="$1" -v n="$2" '$1==v && $2==n {print $3}')
for _ in $(seq 1 30); do
  runuser -u postgres -- pg_isready -q -h 127.0.0.1 -p "$port" && break
  sleep 1
done
runuser -u postgres -- psql -q -p "$port" -c "ALTER USER postgres PASSWORD 'cunzhi-test'" >/dev/null
export CUNZHI_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Password=cunzhi-test"
echo "postgres: PostgreSQL $1/$2 在 127.0.0.1:$port 上运行"
