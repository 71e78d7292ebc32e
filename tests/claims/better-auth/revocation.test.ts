// The Better Auth chapter's claims about revocation and about running without a database (pages/guide/better-auth.mdx),
// against better-auth 1.7.29 (tests/support/better-auth-memory.ts; the stateless instance is betterAuth with no
// `database`, as node_modules/better-auth/dist/context/create-context.mjs:48-55 configures it).
import { betterAuth } from 'better-auth'
import { expect, it } from 'vitest'
import { claim } from '../support/claim'
import { EMAIL, ORIGIN, PASSWORD, SECRET, Jar, cached, setUp, signIn, signUp } from '../../support/better-auth-memory'

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

claim('ba-revoke-window-is-maxage', ['better-auth'], () => {
  it('revokeOtherSessions deletes the other rows; the other device’s cache still verifies until maxAge, then the database says no', async () => {
    const { auth } = setUp({ enabled: true, maxAge: 1 })
    const { jar: laptop } = await signUp(auth)
    const phone = await signIn(auth)
    await auth.api.revokeOtherSessions({ headers: laptop.headers() })
    expect(await cached(phone)).not.toBeNull() // a gate that trusts the cache lets the phone through
    expect(await auth.api.getSession({ headers: phone.headers(), query: { disableCookieCache: true } })).toBeNull()
    await sleep(1_200)
    expect(await cached(phone)).toBeNull() // expired: the gate must ask the database, which has no row
    expect(await auth.api.getSession({ headers: phone.headers() })).toBeNull()
  })
})

/** Better Auth with no database: users in a per-instance memory store, the session in an encrypted cookie. */
const stateless = () => betterAuth({ secret: SECRET, baseURL: ORIGIN, emailAndPassword: { enabled: true }, telemetry: { enabled: false } })

claim('ba-stateless-jwe-cookie', ['better-auth'], () => {
  it('without a database the session is a JWE cookie (session_data) that lives as long as the session: 7 days', async () => {
    const auth = stateless()
    const { headers } = await auth.api.signUpEmail({ body: { email: EMAIL, password: PASSWORD, name: 'Ada' }, returnHeaders: true })
    const line = headers.getSetCookie().find((l) => l.startsWith('better-auth.session_data='))
    expect(line).toMatch(/;\s*Max-Age=604800\b/i)
    // JWE compact serialisation: five dot-separated parts, the payload encrypted.
    expect(line!.split(';')[0]!.split('=')[1]!.split('.')).toHaveLength(5)
  })
})

claim('ba-stateless-no-revocation', ['better-auth'], () => {
  it('without a database, another instance with the same secret and no users accepts the cookie: nothing on the server to revoke', async () => {
    const { headers } = await stateless().api.signUpEmail({ body: { email: EMAIL, password: PASSWORD, name: 'Ada' }, returnHeaders: true })
    const other = stateless() // a restart, or another server: its memory store is empty
    const session = await other.api.getSession({ headers: new Jar().take(headers).headers() })
    expect(session?.user).toMatchObject({ email: EMAIL })
    // …while that instance's own store has never heard of the user: users live in one process's memory.
    expect(await (await other.$context).internalAdapter.findUserByEmail(EMAIL)).toBeNull()
  })
})
