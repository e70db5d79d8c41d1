#!/usr/bin/env bash
# A whole Cunzhi cluster on 127.0.0.1, made of stock parts (README "A cluster on one machine"):
#   PostgreSQL primary + streaming standby (initdb / pg_basebackup -R from the installed PostgreSQL, in a state folder;
#   the machine's own clusters, e.g. 15/main on 5432, are never touched), two app nodes (the built src/Cunzhi.Web) and
#   nginx in front of them with its own config, pid and logs in the state folder.
#
#   scripts/cluster.sh up            start everything (migrates and seeds the demo county once; idempotent)
#   scripts/cluster.sh down          stop everything and remove the state folder
#   scripts/cluster.sh status        one line per part
#   scripts/cluster.sh node-kill N   kill -9 app node N (1 or 2)          scripts/cluster.sh node-start N   start it again
#   scripts/cluster.sh primary-stop  stop the primary PostgreSQL (fast)   scripts/cluster.sh promote        promote the standby
#   scripts/cluster.sh psql primary|standby [psql args]   psql as the superuser over the cluster's private socket
#
# Ports and paths (environment): CUNZHI_CLUSTER_STATE (/tmp/cunzhi-cluster), CUNZHI_CLUSTER_PORT (nginx, 5300),
# CUNZHI_CLUSTER_NODE1_PORT (5301), CUNZHI_CLUSTER_NODE2_PORT (5302), CUNZHI_CLUSTER_PRIMARY_PORT (5441),
# CUNZHI_CLUSTER_STANDBY_PORT (5442), CUNZHI_CLUSTER_DLL (src/Cunzhi.Web/bin/Debug/net10.0/Cunzhi.Web.dll),
# CUNZHI_CLUSTER_PGBIN (the newest /usr/lib/postgresql/*/bin), CUNZHI_CLUSTER_SEED_ARGS (seed-demo's options). Needs nginx and PostgreSQL's server binaries; run as root
# (PostgreSQL then runs as the user postgres) or as an ordinary user (it runs as that user).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
state=${CUNZHI_CLUSTER_STATE:-/tmp/cunzhi-cluster}
lb_port=${CUNZHI_CLUSTER_PORT:-5300}
node_ports=("${CUNZHI_CLUSTER_NODE1_PORT:-5301}" "${CUNZHI_CLUSTER_NODE2_PORT:-5302}")
primary_port=${CUNZHI_CLUSTER_PRIMARY_PORT:-5441}
standby_port=${CUNZHI_CLUSTER_STANDBY_PORT:-5442}
dll=${CUNZHI_CLUSTER_DLL:-$root/src/Cunzhi.Web/bin/Debug/net10.0/Cunzhi.Web.dll}
pgbin=${CUNZHI_CLUSTER_PGBIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}
# The demo county without the burden side's activity, 20 households a village: the cluster's tests need accounts and
# cadres, not 51,629 households (CUNZHI_CLUSTER_SEED_ARGS="--no-activity" seeds them all).
seed_args=${CUNZHI_CLUSTER_SEED_ARGS:---no-activity --households-per-village 20}
pgdir=$state/pg
sock=$pgdir/run

say() { echo "cluster: $*"; }
die() { echo "cluster: $*" >&2; exit 1; }

# PostgreSQL refuses to run as root: as root, its commands run as the user postgres.
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
pg_owner() { if [ "$(id -u)" = 0 ]; then chown -R postgres:postgres "$@"; fi; }
psql_on() { local port=$1; shift; as_pg "$pgbin/psql" -X -q -v ON_ERROR_STOP=1 -h "$sock" -p "$port" -U postgres "$@"; }
pg_up() { as_pg "$pgbin/pg_isready" -q -h "$sock" -p "$1" 2>/dev/null; }
# A live process (a killed node not yet reaped is a zombie: not alive).
alive() { local st; [ -f "$1" ] && st=$(ps -o stat= -p "$(cat "$1")" 2>/dev/null) && [[ $st != Z* ]]; }
secret() { sed -n "s/^$1=//p" "$state/secrets"; }

check_tools() {
  command -v nginx >/dev/null 2>&1 || die "没有 nginx（apt-get install nginx）"
  [ -x "$pgbin/initdb" ] && [ -x "$pgbin/pg_basebackup" ] || die "没有 PostgreSQL 服务端程序（apt-get install postgresql），或设置 CUNZHI_CLUSTER_PGBIN"
  [ -f "$dll" ] || die "找不到 $dll：请先 dotnet build src/Cunzhi.Web，或设置 CUNZHI_CLUSTER_DLL"
}

# Connection strings the nodes use: writes on whichever host is the primary (Npgsql multi-host), reads preferring the
# standby. Host Recheck Seconds=2: after a failover Npgsql re-probes a host's role within 2 s (default 10).
write_string() { echo "Host=127.0.0.1:$primary_port,127.0.0.1:$standby_port;Database=cunzhi;Username=cunzhi;Password=$(secret app);Target Session Attributes=primary;Host Recheck Seconds=2;Timeout=5;Maximum Pool Size=40"; }
read_string() { echo "Host=127.0.0.1:$standby_port,127.0.0.1:$primary_port;Database=cunzhi;Username=cunzhi;Password=$(secret app);Target Session Attributes=prefer-standby;Host Recheck Seconds=2;Timeout=5;Maximum Pool Size=40"; }

# The app's settings, as environment variables (NAME=value lines), for a verb or a node.
app_vars() {
  printf '%s\n' ASPNETCORE_ENVIRONMENT=Production Security__HttpsRedirect=false Security__Hsts=false \
    Database__Provider=Postgres Database__MigrateOnStart=false \
    "ConnectionStrings__Cunzhi=$(write_string)" "ConnectionStrings__CunzhiRead=$(read_string)" \
    "PersonalData__Key=$(secret key)" Demo__SeedOnStart=false \
    Jobs__LeaseSeconds=30 Reminders__IntervalMinutes=1 "Evidence__Path=$state/evidence"
}

start_primary() {
  if [ ! -d "$pgdir/primary" ]; then
    say "初始化主库（127.0.0.1:$primary_port）"
    local pw=$pgdir/pwfile
    secret postgres >"$pw"; pg_owner "$pgdir"; chmod 600 "$pw"
    as_pg "$pgbin/initdb" -D "$pgdir/primary" -U postgres --pwfile="$pw" -E UTF8 --locale=C.UTF-8 -N >"$pgdir/initdb.log" 2>&1 \
      || { cat "$pgdir/initdb.log" >&2; die "initdb 失败"; }
    rm -f "$pw"
    cat >>"$pgdir/primary/postgresql.conf" <<EOF
# cluster.sh: loopback only, its own socket folder, streaming replication to one standby.
listen_addresses = '127.0.0.1'
port = $primary_port
unix_socket_directories = '$sock'
max_connections = 200
wal_level = replica
max_wal_senders = 5
wal_keep_size = 256MB
wal_log_hints = on
hot_standby = on
EOF
    # The superuser only over the private socket; the app's role and the replication role with passwords over TCP.
    cat >"$pgdir/primary/pg_hba.conf" <<EOF
local   all          postgres                   trust
host    cunzhi       cunzhi      127.0.0.1/32   scram-sha-256
host    replication  replicator  127.0.0.1/32   scram-sha-256
EOF
    pg_owner "$pgdir"
  fi
  if ! pg_up "$primary_port" && [ ! -f "$pgdir/primary.stopped" ]; then
    as_pg "$pgbin/pg_ctl" -D "$pgdir/primary" -l "$pgdir/primary.log" -w -t 120 start >/dev/null || die "主库启动失败（$pgdir/primary.log）"
  fi
  [ -f "$pgdir/primary.stopped" ] && return # failed over: the old primary stays down
  if [ "$(psql_on "$primary_port" -Atc "SELECT count(*) FROM pg_roles WHERE rolname = 'cunzhi'")" = 0 ]; then
    psql_on "$primary_port" <<EOF
CREATE ROLE replicator WITH REPLICATION LOGIN PASSWORD '$(secret replication)';
CREATE ROLE cunzhi WITH LOGIN PASSWORD '$(secret app)';
CREATE DATABASE cunzhi OWNER cunzhi;
EOF
  fi
}

start_standby() {
  if [ ! -d "$pgdir/standby" ]; then
    say "用 pg_basebackup 建备库（127.0.0.1:$standby_port）"
    as_pg env PGPASSWORD="$(secret replication)" "$pgbin/pg_basebackup" -h 127.0.0.1 -p "$primary_port" -U replicator \
      -D "$pgdir/standby" -R -X stream -c fast >"$pgdir/basebackup.log" 2>&1 || { cat "$pgdir/basebackup.log" >&2; die "pg_basebackup 失败"; }
    echo "port = $standby_port" >>"$pgdir/standby/postgresql.conf"
    pg_owner "$pgdir/standby"
  fi
  pg_up "$standby_port" || as_pg "$pgbin/pg_ctl" -D "$pgdir/standby" -l "$pgdir/standby.log" -w -t 120 start >/dev/null || die "备库启动失败（$pgdir/standby.log）"
}

# Migrations and the demo county, once, before any node serves (two nodes migrating at once would race).
prepare_database() {
  [ -f "$state/prepared" ] && return
  say "迁移数据库并生成演示县"
  local vars; mapfile -t vars < <(app_vars)
  (cd "$(dirname "$dll")" && env "${vars[@]}" dotnet "$dll" migrate >"$state/migrate.log" 2>&1) || { tail -30 "$state/migrate.log" >&2; die "migrate 失败"; }
  (cd "$(dirname "$dll")" && env "${vars[@]}" dotnet "$dll" seed-demo $seed_args >"$state/seed.log" 2>&1) || { tail -30 "$state/seed.log" >&2; die "seed-demo 失败"; }
  touch "$state/prepared"
}

start_node() {
  local n=$1 port=${node_ports[$(($1 - 1))]}
  alive "$state/node$n.pid" && return
  # Content root = the web project (its wwwroot); every node the same PersonalData key and database. The subshell
  # execs, so $! is the node's own pid (node-kill sends kill -9 to exactly that process).
  local vars; mapfile -t vars < <(app_vars)
  (cd "$root/src/Cunzhi.Web" && exec env "${vars[@]}" setsid dotnet "$dll" --contentRoot "$root/src/Cunzhi.Web" \
    --urls "http://127.0.0.1:$port" >>"$state/node$n.log" 2>&1 </dev/null) &
  echo $! >"$state/node$n.pid"
  say "节点 $n 启动中（127.0.0.1:$port，pid $(cat "$state/node$n.pid")）"
}

wait_node() {
  local n=$1 port=${node_ports[$(($1 - 1))]}
  for _ in $(seq 1 300); do
    curl -fsS -o /dev/null --max-time 5 "http://127.0.0.1:$port/health" 2>/dev/null && return 0
    alive "$state/node$n.pid" || { tail -30 "$state/node$n.log" >&2; die "节点 $n 已退出"; }
    sleep 1
  done
  die "节点 $n 五分钟内未就绪（$state/node$n.log）"
}

start_nginx() {
  mkdir -p "$state/nginx/tmp"
  cat >"$state/nginx/nginx.conf" <<EOF
# cluster.sh: nginx in front of the two app nodes, everything under $state/nginx.
worker_processes 2;
$([ "$(id -u)" = 0 ] && echo "user nobody nogroup;")
pid $state/nginx/nginx.pid;
error_log $state/nginx/error.log warn;
events { worker_connections 1024; }
http {
  log_format upstream '\$remote_addr [\$time_iso8601] "\$request" \$status upstream=\$upstream_addr upstream_status=\$upstream_status \$request_time';
  access_log $state/nginx/access.log upstream;
  client_body_temp_path $state/nginx/tmp/body;
  proxy_temp_path $state/nginx/tmp/proxy;
  fastcgi_temp_path $state/nginx/tmp/fastcgi;
  uwsgi_temp_path $state/nginx/tmp/uwsgi;
  scgi_temp_path $state/nginx/tmp/scgi;
  client_max_body_size 50m;
  upstream cunzhi {
    server 127.0.0.1:${node_ports[0]} max_fails=1 fail_timeout=5s;
    server 127.0.0.1:${node_ports[1]} max_fails=1 fail_timeout=5s;
    keepalive 32;
  }
  server {
    listen 127.0.0.1:$lb_port;
    location / {
      proxy_pass http://cunzhi;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host \$http_host;
      proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto \$scheme;
      proxy_connect_timeout 2s;
      proxy_read_timeout 120s;
      # A node that refuses, resets or answers 502/503 is skipped and the request tried on the other one. nginx does
      # this only for idempotent requests (GET, HEAD, ...): a POST is never sent twice (no "non_idempotent").
      proxy_next_upstream error timeout http_502 http_503;
      proxy_next_upstream_tries 2;
      # Which node(s) answered; two addresses mean the first failed and nginx retried.
      add_header X-Cunzhi-Upstream \$upstream_addr always;
    }
  }
}
EOF
  alive "$state/nginx/nginx.pid" && { nginx -p "$state/nginx" -e "$state/nginx/error.log" -c "$state/nginx/nginx.conf" -s reload; return; }
  nginx -p "$state/nginx" -e "$state/nginx/error.log" -c "$state/nginx/nginx.conf" || die "nginx 启动失败（$state/nginx/error.log）"
  say "nginx 在 http://127.0.0.1:$lb_port 上运行"
}

up() {
  check_tools
  mkdir -p "$state" "$pgdir" "$sock"; chmod 700 "$state"
  if [ "$(id -u)" = 0 ]; then chmod 711 "$state"; fi # the postgres user must reach $state/pg
  pg_owner "$pgdir"; chmod 700 "$sock"
  if [ ! -f "$state/secrets" ]; then
    (umask 077; {
      echo "postgres=$(openssl rand -hex 16)"; echo "replication=$(openssl rand -hex 16)"; echo "app=$(openssl rand -hex 16)"
      echo "key=$(openssl rand -base64 32)"; } >"$state/secrets")
  fi
  start_primary
  start_standby
  prepare_database
  # One after the other: each node's start (audit upgrade check, reference data) then runs alone.
  start_node 1; wait_node 1
  start_node 2; wait_node 2
  start_nginx
  for _ in $(seq 1 60); do curl -fsS -o /dev/null --max-time 5 "http://127.0.0.1:$lb_port/health" && break; sleep 1; done
  status
}

stop_node() { # N signal
  local f=$state/node$1.pid
  if alive "$f"; then kill "-$2" "$(cat "$f")" 2>/dev/null || true; for _ in $(seq 1 30); do alive "$f" || break; sleep 0.5; done; fi
  rm -f "$f"
}

down() {
  [ -d "$state" ] || { say "没有运行中的集群（$state 不存在）"; return; }
  if alive "$state/nginx/nginx.pid"; then kill -QUIT "$(cat "$state/nginx/nginx.pid")" 2>/dev/null || true; fi
  stop_node 1 TERM; stop_node 2 TERM
  for d in primary standby; do
    [ -f "$pgdir/$d/postmaster.pid" ] && as_pg "$pgbin/pg_ctl" -D "$pgdir/$d" -m immediate -w -t 60 stop >/dev/null 2>&1 || true
  done
  for _ in $(seq 1 20); do alive "$state/nginx/nginx.pid" || break; sleep 0.5; done
  rm -rf "$state"
  say "已停止并删除 $state"
}

status() {
  [ -d "$state" ] || { say "未运行（$state 不存在）"; return 0; }
  for pair in "primary:$primary_port" "standby:$standby_port"; do
    local name=${pair%%:*} port=${pair##*:}
    if pg_up "$port"; then
      local role; role=$(psql_on "$port" -Atc "SELECT CASE WHEN pg_is_in_recovery() THEN 'standby (replayed ' || pg_last_wal_replay_lsn() || ')' ELSE 'primary (wal ' || pg_current_wal_lsn() || ')' END")
      echo "postgres $name 127.0.0.1:$port: $role"
    else
      echo "postgres $name 127.0.0.1:$port: down"
    fi
  done
  for n in 1 2; do
    local port=${node_ports[$((n - 1))]} health="down"
    if alive "$state/node$n.pid"; then
      health=$(curl -sS -o /dev/null -w '%{http_code}' --max-time 5 "http://127.0.0.1:$port/health" 2>/dev/null || true)
      health="pid $(cat "$state/node$n.pid"), /health ${health:-no answer}"
    fi
    echo "node $n 127.0.0.1:$port: $health"
  done
  if alive "$state/nginx/nginx.pid"; then
    echo "nginx 127.0.0.1:$lb_port: pid $(cat "$state/nginx/nginx.pid"), /health $(curl -sS -o /dev/null -w '%{http_code}' --max-time 5 "http://127.0.0.1:$lb_port/health" 2>/dev/null || true)"
  else
    echo "nginx 127.0.0.1:$lb_port: down"
  fi
}

case "${1:-}" in
  up) up ;;
  down) down ;;
  status) status ;;
  node-kill) stop_node "${2:?节点 1 或 2}" KILL; say "节点 $2 已 kill -9" ;;
  node-start) check_tools; start_node "${2:?节点 1 或 2}"; wait_node "$2"; say "节点 $2 已就绪" ;;
  primary-stop) as_pg "$pgbin/pg_ctl" -D "$pgdir/primary" -m fast -w -t 60 stop >/dev/null; touch "$pgdir/primary.stopped"; say "主库已停止" ;;
  promote) as_pg "$pgbin/pg_ctl" -D "$pgdir/standby" -w -t 60 promote >/dev/null; say "备库已提升为主库（127.0.0.1:$standby_port）" ;;
  psql) which=${2:?primary 或 standby}; shift 2; psql_on "$([ "$which" = primary ] && echo "$primary_port" || echo "$standby_port")" -d cunzhi "$@" ;;
  *) sed -n '2,18p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
esac
