// Better Auth 1.7.29, run offline: its real `betterAuth()` over its own memory adapter (wrapped to count the reads
// each call makes), with onboardingStep as starters/better-auth declares it. Shared by the Better Auth row's tests
// (tests/unit/other-libraries/better-auth.test.ts) and the Better Auth chapter's claims (tests/claims/better-auth/).
import { betterAuth } from 'better-auth'
import { memoryAdapter } from 'better-auth/adapters/memory'
import { getCookieCache } from 'better-auth/cookies'

export const SECRET = 'other-libraries-better-auth-test-secret-0123456789'
export const ORIGIN = 'http://localhost:3000'
const READS = new Set(['findOne', 'findMany', 'count'])

/** A Better Auth instance on an empty in-memory database; `reads()` counts the adapter's lookups so far. */
export function setUp(cookieCache: { enabled: boolean; maxAge?: number } = { enabled: true, maxAge: 60 }) {
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
export class Jar {
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

export type Auth = ReturnType<typeof setUp>['auth']
export const EMAIL = 'ada@example.com'
export const PASSWORD = 'correct horse battery staple'

export async function signUp(auth: Auth) {
  const { headers, response } = await auth.api.signUpEmail({ body: { email: EMAIL, password: PASSWORD, name: 'Ada' }, returnHeaders: true })
  return { jar: new Jar().take(headers), userId: response.user.id }
}
export async function signIn(auth: Auth) {
  const { headers } = await auth.api.signInEmail({ body: { email: EMAIL, password: PASSWORD }, returnHeaders: true })
  return new Jar().take(headers)
}
/** The server's own write of the claim, then the session re-read from the row: the starter's completeOnboarding. */
export async function completeOnboarding(auth: Auth, userId: string, jar: Jar) {
  const { internalAdapter } = await auth.$context
  await internalAdapter.updateUser(userId, { onboardingStep: 'COMPLETED' })
  const { headers } = await auth.api.getSession({ headers: jar.headers(), query: { disableCookieCache: true }, returnHeaders: true })
  return jar.take(headers)
}
export const cached = (jar: Jar) => getCookieCache(jar.headers(), { secret: SECRET, strategy: 'compact', isSecure: false })
export const step = async (auth: Auth, jar: Jar, disableCookieCache = false) =>
  ((await auth.api.getSession({ headers: jar.headers(), query: { disableCookieCache } }))?.user as { onboardingStep?: string } | undefined)?.onboardingStep ?? null

