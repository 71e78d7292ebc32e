// Better Auth 1.7.29, run offline: its real `betterAuth()` over its own memory adapter (wrapped to count the reads
// each call makes), with onboardingStep as starters/better-auth declares it. Each test asserts a cell of the Better
// Auth row on /guide/other-libraries (components/OtherLibraries/ledger.ts).
import { betterAuth } from 'better-auth'
import { memoryAdapter } from 'better-auth/adapters/memory'
import { getCookieCache } from 'better-auth/cookies'
import { describe, expect, it } from 'vitest'

const SECRET = 'other-libraries-better-auth-test-secret-0123456789'
const ORIGIN = 'http://localhost:3000'
const READS = new Set(['findOne', 'findMany', 'count'])

/** A Better Auth instance on an empty in-memory database; `reads()` counts the adapter's lookups so far. */
function setUp(cookieCache: { enabled: boolean; maxAge?: number } = { enabled: true, maxAge: 60 }) {
  let reads = 0
  const base = memoryAdapter({ user: [], session: [], account: [], verification: [] })
  // The adapter factory Better Auth calls with its options; every lookup method counted.
  const counted = ((options: never) => {
    const adapter = base(options) as unknown as Record<string, unknown>
    return new Proxy(adapter, {
      get(target, prop, receiver) {
        const value = Reflect.get(target, prop, receiver)
        if (typeof value !== 'function' || !READS.has(String(prop))) return value
        return (...args: unknown[]) => {
          reads++
          return (value as (...a: unknown[]) => unknown).apply(target, args)
        }
      },
    })
  }) as unknown as typeof base
  const auth = betterAuth({
    secret: SECRET,
    baseURL: ORIGIN,
    database: counted,
    emailAndPassword: { enabled: true },
    user: { additionalFields: { onboardingStep: { type: 'string', required: false, defaultValue: 'INITIAL', input: false } } },
    session: { cookieCache: { ...cookieCache, strategy: 'compact' } },
    telemetry: { enabled: false },
  })
  return { auth, reads: () => reads }
}

/** A browser's cookies: what Set-Cookie lines said, later lines replacing earlier ones, Max-Age=0 deleting. */
class Jar {
  private readonly cookies = new Map<string, string>()
  take(headers: Headers) {
    for (const line of headers.getSetCookie()) {
      const [pair] = line.split(';')
      const at = pair!.indexOf('=')
      const [name, value] = [pair!.slice(0, at), pair!.slice(at + 1)]
      if (/;\s*max-age=0\b/i.test(line)) this.cookies.delete(name)
      else this.cookies.set(name, value)
    }
    return this
  }
  headers() {
    return new Headers({ cookie: [...this.cookies].map(([n, v]) => `${n}=${v}`).join('; '), origin: ORIGIN })
  }
  has(name: string) {
    return this.cookies.has(name)
  }
}

type Auth = ReturnType<typeof setUp>['auth']
const EMAIL = 'ada@example.com'
const PASSWORD = 'correct horse battery staple'

async function signUp(auth: Auth) {
  const { headers, response } = await auth.api.signUpEmail({ body: { email: EMAIL, password: PASSWORD, name: 'Ada' }, returnHeaders: true })
  return { jar: new Jar().take(headers), userId: response.user.id }
}
async function signIn(auth: Auth) {
  const { headers } = await auth.api.signInEmail({ body: { email: EMAIL, password: PASSWORD }, returnHeaders: true })
  return new Jar().take(headers)
}
/** The server's own write of the claim, then the session re-read from the row: the starter's completeOnboarding. */
async function completeOnboarding(auth: Auth, userId: string, jar: Jar) {
  const { internalAdapter } = await auth.$context
  await internalAdapter.updateUser(userId, { onboardingStep: 'COMPLETED' })
  const { headers } = await auth.api.getSession({ headers: jar.headers(), query: { disableCookieCache: true }, returnHeaders: true })
  return jar.take(headers)
}
const cached = (jar: Jar) => getCookieCache(jar.headers(), { secret: SECRET, strategy: 'compact', isSecure: false })
const step = async (auth: Auth, jar: Jar, disableCookieCache = false) =>
  ((await auth.api.getSession({ headers: jar.headers(), query: { disableCookieCache } }))?.user as { onboardingStep?: string } | undefined)?.onboardingStep ?? null

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
