// "Return as yourself" (demo/providers/restore.ts), its authorize() called directly with the cookie a browser sends:
// what it hands back keeps the epoch the naive session carried (never 0, which a later epoch check would read as a
// revoked session, nor the row's, which would renew one), and a call with no request is a refusal, not a TypeError.
// Through next-auth's handler: naive-sessions.test.ts and revocation.test.ts.
import { encode } from 'next-auth/jwt'
import { describe, expect, it } from 'vitest'
import { PROVIDERS } from '@/demo/claims'
import { db } from '@/demo/db'
import { restoreProvider } from '@/demo/providers/restore'
import { createGuest } from '@/demo/users'

type Authorize = (credentials: unknown, req: unknown) => Promise<Record<string, unknown>>
const authorize = (restoreProvider as unknown as { options: { authorize: Authorize } }).options.authorize

/** The cookie header of a naive session minted over `realSub`'s own session. */
const naiveCookie = async (claims: Record<string, unknown>) =>
  `next-auth.session-token=${await encode({ token: { sub: 'forged-id', mintedBy: PROVIDERS.naive, ...claims }, secret: process.env.NEXTAUTH_SECRET! })}`

describe('restoreProvider.authorize', () => {
  it('gives the reader’s own row back with the epoch and policy the naive session carried', async () => {
    const row = createGuest('Reader')
    db().prepare('UPDATE users SET session_epoch = 2 WHERE id = ?').run(row.id)
    const cookie = await naiveCookie({ realSub: row.id, epoch: 2, stalePolicy: 'epoch' })
    const user = await authorize({}, { headers: { cookie } })
    expect(user).toMatchObject({ id: row.id, name: 'Reader', epoch: 2, stalePolicy: 'epoch', signedInWith: PROVIDERS.restore })
  })

  it('a naive session with no epoch restores at epoch 0', async () => {
    const row = createGuest('Reader')
    const user = await authorize({}, { headers: { cookie: await naiveCookie({ realSub: row.id }) } })
    expect(user).toMatchObject({ id: row.id, epoch: 0 })
  })

  it('refuses, with its message, a call that carries no request or no headers', async () => {
    for (const req of [undefined, {}]) await expect(authorize({}, req)).rejects.toThrow('Only a session minted by the naive provider needs restoring')
  })
})
