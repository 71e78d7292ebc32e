// "Beyond next-auth" (pages/guide/beyond-next-auth.mdx): Better Auth's server-side session, its updateUser and its
// cookie cache, against better-auth 1.7.29 over its memory adapter with counted reads (tests/support/better-auth-memory.ts).
import { expect, it } from 'vitest'
import { claim } from '../support/claim'
import { ORIGIN, cached, setUp, signUp, step } from '../../support/better-auth-memory'

claim('ba-row-change-next-lookup', ['better-auth'], () => {
  it('with no cookie cache, each getSession reads the database, and a change to the user row shows on the next one', async () => {
    const { auth, reads } = setUp({ enabled: false })
    const { jar, userId } = await signUp(auth)
    let before = reads()
    expect(await step(auth, jar)).toBe('INITIAL')
    expect(reads() - before).toBeGreaterThan(0)
    await (await auth.$context).internalAdapter.updateUser(userId, { onboardingStep: 'COMPLETED' })
    before = reads()
    expect(await step(auth, jar)).toBe('COMPLETED')
    expect(reads() - before).toBeGreaterThan(0)
  })
})

claim('ba-update-user-rewrites-cache', ['better-auth'], () => {
  it('POST /api/auth/update-user answers with a new session_data cookie holding the change', async () => {
    const { auth } = setUp()
    const { jar } = await signUp(auth)
    expect((await cached(jar))?.user).toMatchObject({ name: 'Ada' })
    const reply = await auth.handler(
      new Request(`${ORIGIN}/api/auth/update-user`, {
        method: 'POST',
        headers: { ...Object.fromEntries(jar.headers()), 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'Ada L.' }),
      }),
    )
    expect(reply.status).toBe(200)
    expect(reply.headers.getSetCookie().some((line) => line.startsWith('better-auth.session_data='))).toBe(true)
    expect((await cached(jar.take(reply.headers)))?.user).toMatchObject({ name: 'Ada L.' })
  })
})

claim('ba-cache-stale-until-maxage', ['better-auth'], () => {
  it('a change made by the server is not seen through the cache until its maxAge; getSession with disableCookieCache sees it', async () => {
    const { auth } = setUp({ enabled: true, maxAge: 1 })
    const { jar, userId } = await signUp(auth)
    await (await auth.$context).internalAdapter.updateUser(userId, { onboardingStep: 'COMPLETED' })
    expect(await step(auth, jar)).toBe('INITIAL')
    expect(await step(auth, jar, true)).toBe('COMPLETED')
    await new Promise((r) => setTimeout(r, 1_200))
    expect(await step(auth, jar)).toBe('COMPLETED')
  })
})
