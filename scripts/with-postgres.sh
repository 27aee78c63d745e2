#!/usr/bin/env bash
# Runs a command with a PostgreSQL server available for the PostgreSQL store tests:
# starts Debian's default cluster if it is down (creating it if missing), creates a
# throw-away database `ftfwatch_test` owned by the current user, and exports
# FTFWATCH_TEST_PG=postgresql:///ftfwatch_test?host=/var/run/postgresql. Needs root (or sudo).
#   scripts/with-postgres.sh COMMAND [ARGS...]
set -euo pipefail
ver=$(ls /usr/lib/postgresql 2>/dev/null | sort -n | tail -1)
if [[ -z "$ver" ]]; then
  echo "with-postgres: PostgreSQL is not installed (scripts/install-deps.sh installs it)" >&2
  exit 1
fi
if ! pg_lsclusters -h 2>/dev/null | grep -q "^$ver "; then
  pg_createcluster "$ver" main >/dev/null
fi
if ! pg_lsclusters -h | awk -v v="$ver" '$1 == v && $2 == "main" {print $4}' | grep -q online; then
  pg_ctlcluster "$ver" main start
fi
me=$(id -un)
for _ in $(seq 1 50); do
  su postgres -c "psql -qAtc 'select 1'" >/dev/null 2>&1 && break
  sleep 0.2
done
su postgres -c "psql -qAtc \"select 1 from pg_roles where rolname = '$me'\"" | grep -q 1 ||
  su postgres -c "createuser --superuser '$me'"
su postgres -c "dropdb --if-exists ftfwatch_test" >/dev/null
su postgres -c "createdb --owner='$me' ftfwatch_test"
export FTFWATCH_TEST_PG="postgresql:///ftfwatch_test?host=/var/run/postgresql"
exec "$@"
