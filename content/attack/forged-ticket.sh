#!/usr/bin/env bash
# Attack (b): the same forgery against the hardened provider, with a ticket we made ourselves.
set -euo pipefail
BASE="${BASE:-http://localhost:3000}"
JAR="$(mktemp)"
b64url() { printf '%s' "$1" | base64 -w0 | tr '+/' '-_' | tr -d '='; }

# 1. A real guest session: the hardened provider refuses anonymous callers outright.
CSRF="$(curl -sf -c "$JAR" "$BASE/api/auth/csrf" | jq -r .csrfToken)"
curl -sf -b "$JAR" -c "$JAR" "$BASE/api/auth/callback/demo" \
  --data-urlencode "csrfToken=$CSRF" --data-urlencode 'name=Mallory' --data-urlencode 'json=true' >/dev/null

# 2. An unsigned ticket ("alg": "none") claiming to be an admin.
HEADER="$(b64url '{"alg":"none","typ":"session-update+jwt"}')"
PAYLOAD="$(b64url '{"sub":"admin-0001","ver":99,"aud":"session-update","claims":{"name":"Mallory","role":"admin","onboardingStep":"COMPLETED"}}')"

# 3. Refused: 401 and the reason, and the session is untouched.
curl -s -b "$JAR" -c "$JAR" "$BASE/api/auth/callback/session-update" \
  --data-urlencode "csrfToken=$CSRF" --data-urlencode "ticket=$HEADER.$PAYLOAD." \
  --data-urlencode 'json=true' -w ' HTTP %{http_code}\n'
curl -sf -b "$JAR" "$BASE/api/auth/session" | jq -c .user
