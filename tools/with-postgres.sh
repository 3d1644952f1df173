#!/bin/sh
# Runs a command beside a PostgreSQL server of its own: a new cluster in a temporary
# folder on 127.0.0.1, stopped and removed afterwards. The command finds it in
# DESK_TEST_DATABASE_URL (a superuser that makes each test a database of its own) and
# DESK_TEST_PASSWORD_ROLE and DESK_TEST_PASSWORD (a role that must give a password).
# Without PostgreSQL's programs the command runs alone, and the PostgreSQL tests skip
# (outside CI; in CI they fail instead).
set -eu
bin=""
for dir in /usr/lib/postgresql/*/bin; do
  [ -x "$dir/initdb" ] && bin="$dir"
done
if [ -z "$bin" ] || [ -n "${DESK_TEST_DATABASE_URL:-}" ]; then
  exec "$@"
fi

folder=$(mktemp -d /tmp/desk-pg.XXXXXX)
run_as=""
if [ "$(id -u)" -eq 0 ]; then  # PostgreSQL refuses to run as root
  id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
  chown postgres "$folder"
  run_as="runuser -u postgres --"
fi
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')

$run_as "$bin/initdb" -D "$folder/data" -U postgres -A trust --encoding UTF8 --locale C.UTF-8 >/dev/null
# TLS offered, as an office's server should: a certificate of its own for this run.
tls=""
if command -v openssl >/dev/null 2>&1; then
  openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj "/CN=127.0.0.1" \
    -keyout "$folder/data/server.key" -out "$folder/data/server.crt" >/dev/null 2>&1
  [ -z "$run_as" ] || chown postgres "$folder/data/server.key" "$folder/data/server.crt"
  chmod 600 "$folder/data/server.key"
  tls="-c ssl=on"
fi
# The password role signs in with SCRAM over TCP; everyone else is trusted on loopback.
cat > "$folder/data/pg_hba.conf" <<HBA
local all all trust
host all desk_password 127.0.0.1/32 scram-sha-256
host all all 127.0.0.1/32 trust
HBA
$run_as "$bin/pg_ctl" -D "$folder/data" -l "$folder/server.log" -w \
  -o "-p $port -k $folder -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=300 $tls" start >/dev/null

stop() {
  $run_as "$bin/pg_ctl" -D "$folder/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$folder"
}
trap stop EXIT INT TERM

secret=$(python3 -c 'import secrets; print(secrets.token_hex(16))')  # made anew each run, kept nowhere
"$bin/psql" -q -h 127.0.0.1 -p "$port" -U postgres -d postgres \
  -c "CREATE ROLE desk_password LOGIN CREATEDB PASSWORD '$secret'" >/dev/null
export DESK_TEST_DATABASE_URL="postgresql://postgres@127.0.0.1:$port/postgres"
export DESK_TEST_PASSWORD_ROLE="desk_password" DESK_TEST_PASSWORD="$secret" DESK_TEST_TLS="${tls:+1}"
status=0
"$@" || status=$?
exit $status
