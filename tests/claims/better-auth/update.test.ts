// The Better Auth chapter's claims about the claim itself and its update (pages/guide/better-auth.mdx), against
// better-auth 1.7.29 over its memory adapter with counted reads (tests/support/better-auth-memory.ts).
import { getCookieCache } from 'better-auth/cookies'
import { expect, it } from 'vitest'
import { claim } from '../support/claim'
import { EMAIL, ORIGIN, PASSWORD, SECRET, Jar, cached, completeOnboarding, setUp, signUp, step } from '../../support/better-auth-memory'

claim('ba-input-false-refused', ['better-auth'], () => {
  it('updateUser with an input:false field answers 400 FIELD_NOT_ALLOWED, over HTTP and from auth.api', async () => {
    const { auth } = setUp()
    const { jar } = await signUp(auth)
    const overHttp = await auth.handler(
      new Request(`${ORIGIN}/api/auth/update-user`, {
        method: 'POST',
        headers: { ...Object.fromEntries(jar.headers()), 'content-type': 'application/json' },
        body: JSON.stringify({ onboardingStep: 'COMPLETED' }),
      }),
    )
    expect(overHttp.status).toBe(400)
    expect(await overHttp.json()).toMatchObject({ code: 'FIELD_NOT_ALLOWED' })
    await expect(auth.api.updateUser({ headers: jar.headers(), body: { onboardingStep: 'COMPLETED' } as never })).rejects.toMatchObject({ statusCode: 400 })
    expect(await step(auth, jar, true)).toBe('INITIAL')
  })
})

claim('ba-signup-default-step', ['better-auth'], () => {
  it('a new user starts at the field’s defaultValue, INITIAL, in the row and in the cookie cache', async () => {
    const { auth } = setUp()
    const { jar } = await signUp(auth)
    expect(await step(auth, jar, true)).toBe('INITIAL')
    expect((await cached(jar))?.user).toMatchObject({ onboardingStep: 'INITIAL' })
  })
})

claim('ba-reissue-in-same-response', ['better-auth'], () => {
  it('internalAdapter.updateUser, then getSession({ disableCookieCache: true }): that answer sets a new session_data holding COMPLETED', async () => {
    const { auth } = setUp()
    const { jar, userId } = await signUp(auth)
    const { internalAdapter } = await auth.$context
    await internalAdapter.updateUser(userId, { onboardingStep: 'COMPLETED' })
    expect((await cached(jar))?.user).toMatchObject({ onboardingStep: 'INITIAL' }) // the write alone leaves the cache old
    const { headers } = await auth.api.getSession({ headers: jar.headers(), query: { disableCookieCache: true }, returnHeaders: true })
    const fresh = new Jar().take(headers)
    expect(fresh.has('better-auth.session_data')).toBe(true)
    expect((await getCookieCache(new Headers({ cookie: headers.getSetCookie().map((l) => l.split(';')[0]).join('; ') }), { secret: SECRET, strategy: 'compact' }))?.user).toMatchObject({ onboardingStep: 'COMPLETED' })
  })
})

claim('ba-gate-warm-no-read', ['better-auth'], () => {
  it('after the update, getCookieCache (the gate) reads COMPLETED with no database read', async () => {
    const { auth, reads } = setUp()
    const { jar, userId } = await signUp(auth)
    await completeOnboarding(auth, userId, jar)
    const before = reads()
    expect((await cached(jar))?.user).toMatchObject({ onboardingStep: 'COMPLETED' })
    expect(reads() - before).toBe(0)
  })
})

claim('ba-gate-cold-reads-db', ['better-auth'], () => {
  it('with no cookie cache, getCookieCache answers null and getSession reads the database', async () => {
    const { auth, reads } = setUp()
    const { headers } = await auth.api.signUpEmail({ body: { email: EMAIL, password: PASSWORD, name: 'Ada' }, returnHeaders: true })
    const tokenOnly = new Headers({ cookie: headers.getSetCookie().map((l) => l.split(';')[0]).filter((c) => c.startsWith('better-auth.session_token=')).join('; ') })
    expect(await getCookieCache(tokenOnly, { secret: SECRET, strategy: 'compact' })).toBeNull()
    const before = reads()
    expect(await auth.api.getSession({ headers: tokenOnly })).not.toBeNull()
    expect(reads() - before).toBeGreaterThan(0)
  })
})
