#!/usr/bin/env bash
# Attack (d): forged claims sent with the one-request update (the session re-issued in the mutation's response).
set -euo pipefail
BASE="${BASE:-http://localhost:3000}"
JAR="$(mktemp)"

# 1. A real guest session.
CSRF="$(curl -sf -c "$JAR" "$BASE/api/auth/csrf" | jq -r .csrfToken)"
curl -sf -b "$JAR" -c "$JAR" "$BASE/api/auth/callback/demo" \
  --data-urlencode "csrfToken=$CSRF" --data-urlencode 'name=Mallory' --data-urlencode 'json=true' >/dev/null

# 2. The mutation, asking for the new cookie in its response, with the claims we wish we had.
curl -s -b "$JAR" -c "$JAR" "$BASE/api/demo/onboarding/complete" -H 'content-type: application/json' \
  -d '{"goal":"learn","strategy":"response","role":"admin","user":{"id":"admin-0001","role":"admin"}}' -o /dev/null -w '%{http_code}\n'

# 3. Refused (400): the body holds a goal and a strategy name, nothing else; the claims come from the row.
curl -sf -b "$JAR" "$BASE/api/auth/session" | jq -c .user
