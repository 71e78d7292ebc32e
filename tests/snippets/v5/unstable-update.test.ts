// v5's unstable_update (next-auth 5.0.0-beta.32, lib/actions.js:73-86): it builds POST /api/auth/session with
// body { data }, runs Auth() in-process with skipCSRFCheck, and sets res.cookies through next/headers' cookies().
// Here the same request reaches the real Auth handler with the same options; the cookies() step needs Next's
// request context and is run by the v5 starter's end-to-end suite (starters/authjs-v5).
import { skipCSRFCheck } from '@auth/core'
import { describe, expect, it } from 'vitest'
import { db } from '@/content/shared/users'
import { callbacks } from '@/content/v5/unstable-update-callbacks'
import { authFetch } from '@/content/v5/testing/auth-fetch'
import { Client } from '../../support/client'
import { FORGED_ADMIN } from '../../support/forged'
import { ORIGIN, signInProvider } from './setup'

function app() {
  const config = { secret: process.env.AUTH_SECRET, providers: [signInProvider], callbacks, logger: { error() {} } }
  const browser = authFetch(config)
  // What unstable_update sends from the server: no CSRF token, skipCSRFCheck (actions.js:81).
  const server = authFetch({ ...config, skipCSRFCheck })
  return { browser, server }
}

async function signedIn(fetch: typeof globalThis.fetch) {
  const c = new Client(ORIGIN, fetch)
  const reply = await c.callback('sign-in', { name: 'Ada' })
  if (reply.status !== 302) throw new Error(`sign-in failed: ${reply.status}`)
  return c
}

describe('unstable_update with a jwt callback that re-reads the row', () => {
  it('re-issues the session from the row the mutation wrote, ignoring the data it was given', async () => {
    const { browser, server } = app()
    const c = await signedIn(browser)
    const id = (await c.session()).user.id
    await db.completeOnboarding(id)
    const asServer = new Client(ORIGIN, server)
    for (const [k, v] of c.jar) asServer.jar.set(k, v)
    const reply = await asServer.request('/api/auth/session', { method: 'POST', body_json: { data: FORGED_ADMIN } })
    expect(reply.status).toBe(200)
    expect(reply.json.user).toMatchObject({ id, name: 'Ada', role: 'reader', onboardingStep: 'COMPLETED' })
    expect(reply.headers.getSetCookie().some((l) => l.startsWith('authjs.session-token='))).toBe(true)
    // The cookie it set is what the browser then holds.
    for (const [k, v] of asServer.jar) c.jar.set(k, v)
    expect((await c.session()).user).toMatchObject({ role: 'reader', onboardingStep: 'COMPLETED' })
  })

  it('from the browser, the same POST without a CSRF token changes nothing', async () => {
    const { browser } = app()
    const c = await signedIn(browser)
    await db.completeOnboarding((await c.session()).user.id)
    const before = c.jar.get('authjs.session-token')
    await c.request('/api/auth/session', { method: 'POST', body_json: { data: {} } })
    expect(c.jar.get('authjs.session-token')).toBe(before)
    expect((await c.session()).user.onboardingStep).toBe('INITIAL')
  })
})
