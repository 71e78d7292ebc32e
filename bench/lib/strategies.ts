// The four ways to get a changed user row into the session, replayed over HTTP exactly as next-auth/react 4.24
// sends them (the browser phase checks that the method and path of every request match what Chromium sent).
import type { Client, Reply } from '../../tests/support/client'

export type StrategyId = 'update' | 'ticket' | 'naive' | 'relogin'

export interface Mutation {
  user: { id: string; name: string; role: string; onboardingStep: string; version: number }
  ticket: string
}

export const STRATEGY_LABELS: Record<StrategyId, string> = {
  update: 'Built-in update() (DB re-read)',
  ticket: 'Hardened pass-through (ticket)',
  naive: 'Naive pass-through (vulnerable)',
  relogin: 'Sign out and in again',
}

/** The baseline the ratios are taken against. */
export const BASELINE: StrategyId = 'update'
export const STRATEGY_IDS: StrategyId[] = ['update', 'ticket', 'naive', 'relogin']

/** signIn(provider, fields, { redirect: false }): providers, CSRF token, the callback, then the session. */
async function signIn(c: Client, provider: string, fields: Record<string, string>): Promise<Reply[]> {
  const providers = await c.request('/api/auth/providers')
  const csrf = await c.request('/api/auth/csrf')
  const callback = await c.request(`/api/auth/callback/${provider}`, {
    method: 'POST',
    form: { ...fields, redirect: 'false', csrfToken: csrf.json.csrfToken, callbackUrl: `${c.base}/bench`, json: 'true' },
  })
  if (callback.status !== 200 || new URL(callback.json.url).searchParams.has('error')) {
    throw new Error(`${provider} refused: ${callback.status} ${callback.text}`)
  }
  return [providers, csrf, callback, await c.request('/api/auth/session')]
}

/** update(): a CSRF token, then POST /api/auth/session (the demo sends no data: the row is the truth). */
async function update(c: Client): Promise<Reply[]> {
  const csrf = await c.request('/api/auth/csrf')
  const post = await c.request('/api/auth/session', { method: 'POST', body_json: { csrfToken: csrf.json.csrfToken } })
  if (post.status !== 200 || !post.json?.user) throw new Error(`update() failed: ${post.status} ${post.text}`)
  return [csrf, post]
}

/** signOut({ redirect: false }): a CSRF token, the sign-out, then the (now empty) session. */
async function signOut(c: Client): Promise<Reply[]> {
  const csrf = await c.request('/api/auth/csrf')
  const post = await c.request('/api/auth/signout', {
    method: 'POST',
    form: { csrfToken: csrf.json.csrfToken, callbackUrl: `${c.base}/bench`, json: 'true' },
  })
  return [csrf, post, await c.request('/api/auth/session')]
}

export const REPLAYS: Record<StrategyId, (c: Client, m: Mutation) => Promise<Reply[]>> = {
  update: (c) => update(c),
  ticket: (c, m) => signIn(c, 'session-update', { ticket: m.ticket }),
  naive: (c, m) => signIn(c, 'session-update-naive', { user: JSON.stringify({ ...m.user, onboardingStep: 'COMPLETED' }) }),
  relogin: async (c, m) => [...(await signOut(c)), ...(await signIn(c, 'demo', { name: m.user.name }))],
}

/** The row version each client's last mutation wrote: what a naive update must leave as it was. */
const lastWrite = new WeakMap<Client, number>()

/**
 * After a naive update the session is the forgery (mintedBy session-update-naive), which the demo API refuses to
 * write for. "Return as yourself" (not timed, like the mutation) gives the client its own session back, and proves
 * the point of the strategy on every run: the forged claims lived in this client's cookie only, the row is as the
 * last real mutation left it.
 */
export async function returnFromForgery(c: Client, forged: Record<string, any>): Promise<void> {
  const restored = await c.callback('session-restore', {})
  if (restored.status !== 200) throw new Error(`Return as yourself refused: ${restored.status} ${restored.text}`)
  const own = await c.claims()
  if (own?.sub !== forged.realSub) throw new Error(`Return as yourself gave ${own?.sub}, not ${forged.realSub}`)
  if (lastWrite.has(c) && own?.ver !== lastWrite.get(c)) throw new Error(`the naive update touched the row: version ${own?.ver}, last written ${lastWrite.get(c)}`)
}

/** The mutation before each update (not timed): completes onboarding, or resets it once completed. */
export async function mutate(c: Client): Promise<Mutation> {
  let claims = await c.claims()
  if (claims?.mintedBy === 'session-update-naive') {
    await returnFromForgery(c, claims)
    claims = await c.claims()
  }
  const reply = claims?.onboardingStep === 'COMPLETED' ? await c.reset() : await c.complete()
  if (reply.status !== 200) throw new Error(`mutation failed: ${reply.status} ${reply.text}`)
  lastWrite.set(c, reply.json.user.version)
  return reply.json
}
