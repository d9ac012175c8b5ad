#!/usr/bin/env bash
# Starts a throw-away PostgreSQL server on a free loopback port for the job-repository test and
# prints its JDBC URL. Debian's package; installed here if the machine does not have it.
# Stop it with: .ci/postgres.sh stop URL (only the server of that URL: others may be in use)
set -euo pipefail
if [ "${1:-}" = stop ]; then
  bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
  port=$(printf '%s' "${2:-}" | sed -n 's|.*:\([0-9][0-9]*\)/.*|\1|p')
  for d in /tmp/highlighter-pg.*; do
    [ -f "$d/port" ] && [ "$(cat "$d/port")" = "$port" ] || continue
    [ -f "$d/postmaster.pid" ] && runuser -u postgres -- "$bin/pg_ctl" -D "$d" -m fast stop >/dev/null 2>&1 || true
    rm -rf "$d"
  done
  exit 0
fi
port=55432
while (echo > /dev/tcp/127.0.0.1/$port) 2>/dev/null; do port=$((port + 1)); done
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  echo "installing PostgreSQL (Debian package)..." >&2
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql) >&2
fi
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
data=$(mktemp -d /tmp/highlighter-pg.XXXXXX)
chown postgres "$data"
runuser -u postgres -- "$bin/initdb" -D "$data" -A trust -U postgres >/dev/null
echo "$port" > "$data/port"
runuser -u postgres -- "$bin/pg_ctl" -D "$data" -l "$data/server.log" -w \
  -o "-p $port -k /tmp -c listen_addresses=127.0.0.1 -c fsync=off" start >&2
"$bin/psql" -h 127.0.0.1 -p $port -U postgres -q -c "create database highlighter" >&2
echo "jdbc:postgresql://127.0.0.1:$port/highlighter"
