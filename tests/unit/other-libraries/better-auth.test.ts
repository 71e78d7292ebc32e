// Better Auth 1.7.29, run offline: its real `betterAuth()` over its own memory adapter (wrapped to count the reads
// each call makes), with onboardingStep as starters/better-auth declares it. Each test asserts a cell of the Better
// Auth row on /guide/other-libraries (components/OtherLibraries/ledger.ts).
import { describe, expect, it } from 'vitest'
import { EMAIL, ORIGIN, PASSWORD, cached, completeOnboarding, signIn, signUp, setUp, step } from '../../support/better-auth-memory'

describe('Better Auth 1.7.29: changing a claim the server owns', () => {
  it('updateUser refuses an input:false field with 400 FIELD_NOT_ALLOWED, from the server API and over HTTP; a falsy value is dropped silently', async () => {
    const { auth } = setUp()
    const { jar, userId } = await signUp(auth)
    await expect(auth.api.updateUser({ headers: jar.headers(), body: { onboardingStep: 'COMPLETED' } as never })).rejects.toMatchObject({
      statusCode: 400,
      body: { code: 'FIELD_NOT_ALLOWED' },
    })
    const overHttp = await auth.handler(
      new Request(`${ORIGIN}/api/auth/update-user`, {
        method: 'POST',
        headers: { ...Object.fromEntries(jar.headers()), 'content-type': 'application/json' },
        body: JSON.stringify({ onboardingStep: 'COMPLETED' }),
      }),
    )
    expect(overHttp.status).toBe(400)
    expect(await overHttp.json()).toMatchObject({ code: 'FIELD_NOT_ALLOWED' })
    // An empty string is falsy: beside another field, no error; the other field is written, the step is not.
    await expect(auth.api.updateUser({ headers: jar.headers(), body: { name: 'Ada L', onboardingStep: '' } as never })).resolves.toMatchObject({ status: true })
    const { internalAdapter } = await auth.$context
    expect((await internalAdapter.findUserById(userId)) as { name: string; onboardingStep?: string }).toMatchObject({ name: 'Ada L', onboardingStep: 'INITIAL' })
  })

  it('one request: the internal adapter writes the row, getSession({ disableCookieCache }) re-issues the cookie cache in the same answer, and the gate reads the new claim with no database read', async () => {
    const { auth, reads } = setUp()
    const { jar, userId } = await signUp(auth)
    expect((await cached(jar))?.user).toMatchObject({ onboardingStep: 'INITIAL' })
    await completeOnboarding(auth, userId, jar)
    const before = reads()
    expect((await cached(jar))?.user).toMatchObject({ onboardingStep: 'COMPLETED' }) // what a proxy.ts gate calls
    expect(await step(auth, jar)).toBe('COMPLETED') // getSession, answered from the cache
    expect(reads() - before).toBe(0)
  })

  it('without the cookie cache every session lookup reads the database', async () => {
    const { auth, reads } = setUp({ enabled: false })
    const { jar } = await signUp(auth)
    expect(jar.has('better-auth.session_data')).toBe(false)
    const before = reads()
    expect(await step(auth, jar)).toBe('INITIAL')
    expect(reads() - before).toBeGreaterThan(0)
  })

  it('the cookie cache lives 300 s unless cookieCache.maxAge says otherwise', async () => {
    const { auth } = setUp({ enabled: true })
    const { headers } = await auth.api.signUpEmail({ body: { email: EMAIL, password: PASSWORD, name: 'Ada' }, returnHeaders: true })
    const line = headers.getSetCookie().find((l) => l.startsWith('better-auth.session_data='))
    expect(line).toMatch(/;\s*Max-Age=300\b/i)
  })
})

describe('Better Auth 1.7.29: another device', () => {
  it('keeps the claim in its cookie cache, with no database read, until the cache expires; then it reads the row', async () => {
    const { auth, reads } = setUp({ enabled: true, maxAge: 1 })
    const { jar: laptop, userId } = await signUp(auth)
    const phone = await signIn(auth)
    await completeOnboarding(auth, userId, laptop)
    const before = reads()
    expect(await step(auth, phone)).toBe('INITIAL')
    expect(reads() - before).toBe(0)
    await new Promise((resolve) => setTimeout(resolve, 1_200))
    expect(await step(auth, phone)).toBe('COMPLETED')
    expect(reads() - before).toBeGreaterThan(0)
  })

  it('revokeOtherSessions deletes the other session rows: the next database lookup finds none, while a cached copy still passes until it expires', async () => {
    const { auth } = setUp({ enabled: true, maxAge: 60 })
    const { jar: laptop } = await signUp(auth)
    const phone = await signIn(auth)
    await auth.api.revokeOtherSessions({ headers: laptop.headers() })
    expect(await auth.api.getSession({ headers: phone.headers(), query: { disableCookieCache: true } })).toBeNull()
    expect(await cached(phone)).not.toBeNull() // a gate that trusts the cache lets the phone in for up to maxAge
    expect(await step(auth, phone)).toBe('INITIAL')
    expect(await step(auth, laptop, true)).toBe('INITIAL') // the laptop's own session stays
  })
})
