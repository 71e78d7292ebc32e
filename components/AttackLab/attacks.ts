import { signIn } from 'next-auth/react'
import type { Session } from 'next-auth'
import { returnAsYourself } from '@/components/DemoFrame/ReturnAsYourself'
import { fetchToken } from '@/components/OnboardingFlow/demo-api'

export type Verdict = 'succeeded' | 'refused' | 'ignored'

export interface AttackOutcome {
  verdict: Verdict
  detail: string
  roleBefore?: unknown
  roleAfter?: unknown
}

const FORGED = { id: 'admin-0001', name: 'Mallory', role: 'admin', onboardingStep: 'COMPLETED' }

const b64url = (value: object) =>
  btoa(JSON.stringify(value)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')

/** (a) ⚠️ The article's provider: it mints whatever user the browser describes. */
export async function naiveAttack(): Promise<AttackOutcome> {
  const result = await signIn('session-update-naive', { redirect: false, user: JSON.stringify(FORGED) })
  const { claims } = await fetchToken()
  if (result?.ok && claims?.sub === FORGED.id && claims.role === 'admin') {
    return { verdict: 'succeeded', detail: `You are now user ${claims.sub} with role ${claims.role}.` }
  }
  return { verdict: 'refused', detail: result?.error ?? 'The naive provider refused.' }
}

/** (b) The same claims, wrapped in a ticket we signed ourselves (with no key at all: alg none). */
export async function forgedTicketAttack(): Promise<AttackOutcome> {
  const header = b64url({ alg: 'none', typ: 'session-update+jwt' })
  const payload = b64url({ sub: FORGED.id, ver: 99, aud: 'session-update', claims: FORGED })
  const result = await signIn('session-update', { redirect: false, ticket: `${header}.${payload}.` })
  const { claims } = await fetchToken()
  if (result?.ok) return { verdict: 'succeeded', detail: `The session now says role ${String(claims?.role)}.` }
  return { verdict: 'refused', detail: `HTTP ${result?.status}: ${result?.error}` }
}

/**
 * (c) Forged data through the built-in update(): the jwt callback never reads it. It must run on the reader's
 * own, real session: after (a) the session is the forged admin one (and update() refuses naive sessions), so
 * "role before: admin, after: admin" would prove nothing. So the naive session is first returned to its owner.
 */
export async function forgedUpdateAttack(update: (data?: unknown) => Promise<Session | null | undefined>): Promise<AttackOutcome> {
  let before = (await fetchToken()).claims
  let restored = ''
  if (before?.mintedBy === 'session-update-naive') {
    await returnAsYourself()
    before = (await fetchToken()).claims
    restored = 'First, your own session was restored from the naive one (a). '
  }
  if (!before?.sub) {
    return { verdict: 'refused', detail: 'Sign in as a guest first: (c) runs update() on your own, real session.' }
  }
  await update({ ...FORGED, user: FORGED })
  const after = (await fetchToken()).claims
  const unchanged = before.role === after?.role && before.sub === after?.sub
  const who = (c: typeof after) => `user ${String(c?.sub)} with role ${String(c?.role)}`
  return unchanged
    ? {
        verdict: 'ignored',
        detail: `${restored}Your own session (${who(before)}) sent id ${FORGED.id} and role ${FORGED.role} through update(data); it is still ${who(after)}: the server ignored the data.`,
        roleBefore: before.role,
        roleAfter: after?.role,
      }
    : { verdict: 'succeeded', detail: `${restored}The session changed from ${who(before)} to ${who(after)}.` }
}

/** (d) Forged claims alongside the one-request update: the route takes a goal and a strategy name, nothing else. */
export async function forgedResponseAttack(): Promise<AttackOutcome> {
  const before = (await fetchToken()).claims
  const res = await fetch('/api/demo/onboarding/complete', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ goal: 'learn', strategy: 'response', user: FORGED, role: 'admin' }),
  })
  const after = (await fetchToken()).claims
  if (after?.role === 'admin' || after?.sub !== before?.sub) return { verdict: 'succeeded', detail: `The session now says role ${String(after?.role)}.` }
  const { error } = (await res.json().catch(() => ({}))) as { error?: string }
  return { verdict: 'refused', detail: `HTTP ${res.status}: ${error ?? 'refused'} Role before: ${String(before?.role)}; after: ${String(after?.role)}.` }
}
