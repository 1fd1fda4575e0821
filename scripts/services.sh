#!/usr/bin/env bash
# Throwaway services on loopback for tests, the bench and a local cluster: PostgreSQL 15, Redis 7
# and HAProxy from Debian's packages. Nothing here touches the machine's own services: each start
# makes (or reuses) a directory of its own holding the data, the log and the pid, and prints what a
# caller needs as KEY=value lines on stdout (logs go to stderr).
#
#   scripts/services.sh install                      Debian packages postgresql-15 redis-server
#                                                    haproxy, when missing (root: apt-get)
#   scripts/services.sh pg start [--dir D] [--port P]
#       initdb in D (a new temporary directory by default) as the postgres user, fsync on,
#       127.0.0.1:P (a free port by default); roles hallvote_owner (owns the schema) and
#       hallvote_app (what the server logs in as: no UPDATE, DELETE or TRUNCATE on the audit log);
#       database hallvote with the schema (server/src/store/pg-schema.sql). When D already holds a
#       cluster (stopped with --keep), starts it again as it was.
#       Prints PG_DIR PG_PORT PG_PID PG_ADMIN_URL DATABASE_URL.
#   scripts/services.sh pg stop --dir D [--immediate] [--keep]
#       pg_ctl stop -m fast (or immediate: no shutdown checkpoint, like a crash); removes D unless --keep
#   scripts/services.sh redis start [--dir D] [--port P]   no persistence; prints REDIS_DIR REDIS_PORT REDIS_PID REDIS_URL
#   scripts/services.sh redis stop --dir D
#   scripts/services.sh haproxy start --config FILE [--dir D]   prints HAPROXY_DIR HAPROXY_PID
#   scripts/services.sh haproxy stop --dir D
#
# PG_BINDIR overrides where PostgreSQL's programs are (default /usr/lib/postgresql/15/bin).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PG_BINDIR="${PG_BINDIR:-/usr/lib/postgresql/15/bin}"
# haproxy is in /usr/sbin, which is not on an ordinary user's PATH on Debian.
PATH="$PATH:/usr/sbin:/sbin"
PACKAGES=(postgresql-15 redis-server haproxy)

die() {
  echo "services.sh: $*" >&2
  exit 1
}
log() { echo "services.sh: $*" >&2; }

free_port() {
  node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"
}

# Waits up to $1 seconds for 127.0.0.1:$2 to accept a TCP connection.
wait_port() {
  local deadline=$((SECONDS + $1))
  until (exec 3<>"/dev/tcp/127.0.0.1/$2") 2>/dev/null; do
    ((SECONDS < deadline)) || return 1
    sleep 0.1
  done
}

# Waits up to $1 seconds for process $2 to end.
wait_gone() {
  local deadline=$((SECONDS + $1))
  while kill -0 "$2" 2>/dev/null; do
    ((SECONDS < deadline)) || return 1
    sleep 0.1
  done
}

random_secret() { node -e "console.log(require('crypto').randomBytes(18).toString('base64url'))"; }

# --- install -------------------------------------------------------------------------------------

cmd_install() {
  local missing=()
  for p in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  if ((${#missing[@]} == 0)); then
    log "installed: ${PACKAGES[*]}"
    return 0
  fi
  if [[ $(id -u) -ne 0 ]]; then
    die "missing Debian packages: ${missing[*]}; install them with: sudo apt-get install ${missing[*]}"
  fi
  log "installing ${missing[*]} from Debian's packages…"
  # The packages would start their own system services (PostgreSQL's main cluster on 5432, Redis
  # on 6379, HAProxy); only the programs are wanted. policy-rc.d answering 101 is Debian's way of
  # saying "do not start services" during an install; one already there is left alone.
  local policy=/usr/sbin/policy-rc.d made_policy=0
  if [[ ! -e $policy ]]; then
    printf '#!/bin/sh\nexit 101\n' >"$policy"
    chmod +x "$policy"
    made_policy=1
  fi
  local status=0
  {
    DEBIAN_FRONTEND=noninteractive apt-get update -q &&
      DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
  } >&2 || status=$?
  ((made_policy)) && rm -f "$policy"
  ((status == 0)) || die "apt-get failed ($status)"
}

# --- PostgreSQL ----------------------------------------------------------------------------------

# Runs a command as the postgres user when we are root (initdb and postgres refuse root).
as_pg() {
  if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

pg_start() {
  local dir="" port=""
  while (($#)); do
    case $1 in
      --dir) dir=$2; shift 2 ;;
      --port) port=$2; shift 2 ;;
      *) die "pg start: unknown option $1" ;;
    esac
  done
  [[ -x $PG_BINDIR/initdb ]] || die "no PostgreSQL in $PG_BINDIR (run: scripts/services.sh install)"
  if [[ -n $dir && -f $dir/data/PG_VERSION ]]; then
    pg_restart "$dir"
    return
  fi
  [[ -n $dir ]] || dir=$(mktemp -d /tmp/hallvote-pg-XXXXXX)
  mkdir -p "$dir"
  [[ -n $port ]] || port=$(free_port)
  # The local socket lives in this directory: only its owner reaches it (trust on the socket).
  chmod 700 "$dir"
  [[ $(id -u) -eq 0 ]] && chown postgres: "$dir"
  local superpw apppw
  superpw=$(random_secret)
  apppw=$(random_secret)
  (umask 077 && printf '%s\n' "$superpw" >"$dir/superuser-password")
  [[ $(id -u) -eq 0 ]] && chown postgres: "$dir/superuser-password"
  as_pg "$PG_BINDIR/initdb" -D "$dir/data" -U postgres --pwfile="$dir/superuser-password" \
    --auth-local=trust --auth-host=scram-sha-256 --encoding=UTF8 --no-locale --no-instructions >&2
  rm -f "$dir/superuser-password"
  # Durable commits (fsync, synchronous_commit) as in production. wal_recycle off: an old WAL
  # segment is deleted, not renamed and reused with its old records inside (docs/postgres-store.md).
  # No statement logging: a logged INSERT would carry a ballot.
  as_pg tee -a "$dir/data/postgresql.conf" >/dev/null <<CONF

# scripts/services.sh
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$dir'
fsync = on
synchronous_commit = on
full_page_writes = on
wal_recycle = off
archive_mode = off
wal_keep_size = 0
log_statement = 'none'
log_min_duration_statement = -1
max_connections = 200
CONF
  as_pg "$PG_BINDIR/pg_ctl" -D "$dir/data" -l "$dir/postgres.log" -w -t 60 start >&2
  pg_provision "$dir" "$port" "$apppw"
  cat >"$dir/env" <<ENV
PG_DIR=$dir
PG_PORT=$port
PG_ADMIN_URL=postgres://postgres:$superpw@127.0.0.1:$port/postgres
DATABASE_URL=postgres://hallvote_app:$apppw@127.0.0.1:$port/hallvote
ENV
  chmod 600 "$dir/env"
  pg_print "$dir"
}

# The roles, the database and the schema, as the superuser over the local socket.
pg_provision() {
  local dir=$1 port=$2 apppw=$3
  local psql=("$PG_BINDIR/psql" -X -q -v ON_ERROR_STOP=1 -h "$dir" -p "$port" -U postgres)
  as_pg "${psql[@]}" -d postgres >&2 <<SQL
CREATE ROLE hallvote_owner NOLOGIN;
CREATE ROLE hallvote_app LOGIN PASSWORD '$apppw';
CREATE DATABASE hallvote OWNER hallvote_owner;
-- CHECKPOINT after a round closes (PostgreSQL 15's pg_checkpoint role).
GRANT pg_checkpoint TO hallvote_app;
SQL
  # The schema is read here and piped in: the postgres user need not be able to read the repository.
  {
    echo 'SET ROLE hallvote_owner;'
    cat "$ROOT/server/src/store/pg-schema.sql"
    cat <<'SQL'
RESET ROLE;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO hallvote_app;
-- The audit log: appended to and read, never changed (the triggers refuse it for the owner too).
REVOKE UPDATE, DELETE, TRUNCATE ON audit FROM hallvote_app;
-- A secret round's rows live in a table of their own, made at open and rewritten at close.
GRANT USAGE, CREATE ON SCHEMA ballot_box TO hallvote_app;
-- Switching to a new WAL segment after a round closes, so its old records can be removed.
GRANT EXECUTE ON FUNCTION pg_switch_wal() TO hallvote_app;
SQL
  } | as_pg "${psql[@]}" -d hallvote >&2
}

pg_restart() {
  local dir=$1
  [[ -f $dir/env ]] || die "pg start: $dir has a cluster but no env file"
  as_pg "$PG_BINDIR/pg_ctl" -D "$dir/data" -l "$dir/postgres.log" -w -t 60 start >&2
  pg_print "$dir"
}

pg_print() {
  local dir=$1
  cat "$dir/env"
  echo "PG_PID=$(head -1 "$dir/data/postmaster.pid")"
}

pg_stop() {
  local dir="" mode=fast keep=0
  while (($#)); do
    case $1 in
      --dir) dir=$2; shift 2 ;;
      --immediate) mode=immediate; shift ;;
      --keep) keep=1; shift ;;
      *) die "pg stop: unknown option $1" ;;
    esac
  done
  [[ -n $dir && -d $dir/data ]] || die "pg stop: --dir of a cluster made by pg start is needed"
  if [[ -f $dir/data/postmaster.pid ]]; then
    as_pg "$PG_BINDIR/pg_ctl" -D "$dir/data" -m "$mode" -w -t 60 stop >&2 ||
      log "pg_ctl stop failed; see $dir/postgres.log"
  fi
  ((keep)) || rm -rf "$dir"
}

# --- Redis ---------------------------------------------------------------------------------------

redis_start() {
  local dir="" port=""
  while (($#)); do
    case $1 in
      --dir) dir=$2; shift 2 ;;
      --port) port=$2; shift 2 ;;
      *) die "redis start: unknown option $1" ;;
    esac
  done
  command -v redis-server >/dev/null || die "no redis-server (run: scripts/services.sh install)"
  [[ -n $dir ]] || dir=$(mktemp -d /tmp/hallvote-redis-XXXXXX)
  mkdir -p "$dir"
  [[ -n $port ]] || port=$(free_port)
  # A pid file left by a Redis that was killed would be read as the new one's.
  rm -f "$dir/redis.pid"
  # Fan-out only: nothing is saved, so a restart starts empty.
  redis-server --port "$port" --bind 127.0.0.1 --save '' --appendonly no --dir "$dir" \
    --daemonize yes --pidfile "$dir/redis.pid" --logfile "$dir/redis.log" >&2
  wait_port 20 "$port" || die "redis did not listen on $port; see $dir/redis.log"
  local deadline=$((SECONDS + 5))
  until [[ -s $dir/redis.pid ]]; do
    ((SECONDS < deadline)) || die "redis wrote no pid file"
    sleep 0.05
  done
  echo "REDIS_DIR=$dir"
  echo "REDIS_PORT=$port"
  echo "REDIS_PID=$(cat "$dir/redis.pid")"
  echo "REDIS_URL=redis://127.0.0.1:$port"
}

# --- HAProxy -------------------------------------------------------------------------------------

haproxy_start() {
  local dir="" config=""
  while (($#)); do
    case $1 in
      --dir) dir=$2; shift 2 ;;
      --config) config=$2; shift 2 ;;
      *) die "haproxy start: unknown option $1" ;;
    esac
  done
  command -v haproxy >/dev/null || die "no haproxy (run: scripts/services.sh install)"
  [[ -f $config ]] || die "haproxy start: --config FILE is needed"
  [[ -n $dir ]] || dir=$(mktemp -d /tmp/hallvote-haproxy-XXXXXX)
  mkdir -p "$dir"
  haproxy -c -q -f "$config" >&2 || die "haproxy refuses $config"
  haproxy -D -f "$config" -p "$dir/haproxy.pid" >&2
  echo "HAPROXY_DIR=$dir"
  echo "HAPROXY_PID=$(head -1 "$dir/haproxy.pid")"
}

# --- stopping a pid-file service -----------------------------------------------------------------

stop_pidfile() {
  local name=$1 file=$2 dir=$3
  if [[ -f $file ]]; then
    local pid
    pid=$(head -1 "$file")
    if kill "$pid" 2>/dev/null && ! wait_gone 10 "$pid"; then
      log "$name ($pid) did not stop in 10 s; killing it"
      kill -9 "$pid" 2>/dev/null || true
    fi
  fi
  rm -rf "$dir"
}

service_stop() {
  local name=$1 dir=""
  shift
  while (($#)); do
    case $1 in
      --dir) dir=$2; shift 2 ;;
      *) die "$name stop: unknown option $1" ;;
    esac
  done
  [[ -n $dir ]] || die "$name stop: --dir is needed"
  stop_pidfile "$name" "$dir/$name.pid" "$dir"
}

case "${1:-} ${2:-}" in
  "install "*) cmd_install ;;
  "pg start") shift 2; pg_start "$@" ;;
  "pg stop") shift 2; pg_stop "$@" ;;
  "redis start") shift 2; redis_start "$@" ;;
  "redis stop") shift 2; service_stop redis "$@" ;;
  "haproxy start") shift 2; haproxy_start "$@" ;;
  "haproxy stop") shift 2; service_stop haproxy "$@" ;;
  *) sed -n '2,28p' "$0" >&2; exit 2 ;;
esac
