import { signIn } from 'next-auth/react'
import type { Session } from 'next-auth'
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

/** (c) Forged data through the built-in update(): the jwt callback never reads it. */
export async function forgedUpdateAttack(update: (data?: unknown) => Promise<Session | null | undefined>): Promise<AttackOutcome> {
  const before = (await fetchToken()).claims
  await update({ ...FORGED, user: FORGED })
  const after = (await fetchToken()).claims
  const unchanged = before?.role === after?.role && before?.sub === after?.sub
  return unchanged
    ? { verdict: 'ignored', detail: `Role before: ${String(before?.role)}; after: ${String(after?.role)}.`, roleBefore: before?.role, roleAfter: after?.role }
    : { verdict: 'succeeded', detail: `Role changed from ${String(before?.role)} to ${String(after?.role)}.` }
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
