#!/usr/bin/env bash
# Attack (c): send forged data through the built-in update() (POST /api/auth/session).
set -euo pipefail
BASE="${BASE:-http://localhost:3000}"
JAR="$(mktemp)"

# 1. A real guest session.
CSRF="$(curl -sf -c "$JAR" "$BASE/api/auth/csrf" | jq -r .csrfToken)"
curl -sf -b "$JAR" -c "$JAR" "$BASE/api/auth/callback/demo" \
  --data-urlencode "csrfToken=$CSRF" --data-urlencode 'name=Mallory' --data-urlencode 'json=true' >/dev/null

# 2. What update({ ... }) sends, with the claims we wish we had.
curl -sf -b "$JAR" -c "$JAR" "$BASE/api/auth/session" -H 'content-type: application/json' \
  -d "{\"csrfToken\":\"$CSRF\",\"data\":{\"role\":\"admin\",\"onboardingStep\":\"COMPLETED\",\"id\":\"admin-0001\"}}" >/dev/null

# 3. Ignored: the jwt callback re-read the row, so the role is still "reader".
curl -sf -b "$JAR" "$BASE/api/auth/session" | jq -c .user
