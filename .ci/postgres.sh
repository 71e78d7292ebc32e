#!/usr/bin/env bash
# Starts Debian's PostgreSQL on 127.0.0.1:5432 (installing it on a new machine) with a role that may create
# databases, for the starters' end-to-end runs on PostgreSQL. Prints the URL for TEST_DATABASE_URL on its last line.
set -euo pipefail
if ! command -v pg_lsclusters >/dev/null 2>&1 || [ -z "$(pg_lsclusters -h 2>/dev/null)" ]; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
fi
read -r version cluster _ < <(pg_lsclusters -h | head -1)
pg_ctlcluster "$version" "$cluster" start >/dev/null 2>&1 || true
for _ in $(seq 1 30); do
  su postgres -c "pg_isready -q -h 127.0.0.1 -p 5432" && break
  sleep 1
done
su postgres -c "psql -q -p 5432 -v ON_ERROR_STOP=1" <<'SQL' >/dev/null
DO $$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'starter_tests') THEN
    CREATE ROLE starter_tests LOGIN CREATEDB PASSWORD 'starter_tests';
  END IF;
END $$;
SQL
echo "postgres://starter_tests:starter_tests@127.0.0.1:5432/postgres"
