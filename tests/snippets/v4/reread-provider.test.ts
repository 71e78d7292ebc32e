// Hardening, option 2: the pass-through that re-reads the database (content/v4/reread-provider.ts). Option 1, the
// ticket, comes from the starters: tests/claims/v4|v5/starter-ticket.test.ts.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { db } from '@/content/shared/users'
import { callbacks } from '@/content/v4/claims-callbacks'
import { sessionRefreshProvider } from '@/content/v4/reread-provider'
import { FORGED_ADMIN } from '../../support/forged'
import { serve } from './setup'

afterEach(() => vi.restoreAllMocks())

describe('the pass-through that re-reads the database (hardening, option 2)', () => {
  it('ignores what the browser sends and copies the row: one database read', async () => {
    const { client } = await serve([sessionRefreshProvider], callbacks)
    const c = await client('Linus')
    const sub = (await c.session()).user.id
    const early = await c.callback('session-refresh', { user: JSON.stringify(FORGED_ADMIN) })
    expect(early.status).toBe(200)
    expect((await c.session()).user).toMatchObject({ id: sub, role: 'reader', onboardingStep: 'INITIAL' })

    await db.completeOnboarding(sub)
    const reads = vi.spyOn(db, 'findUser')
    expect((await c.callback('session-refresh', {})).status).toBe(200)
    expect(reads).toHaveBeenCalledTimes(1)
    expect((await c.session()).user).toMatchObject({ id: sub, role: 'reader', onboardingStep: 'COMPLETED' })
  })

  it('refuses a caller with no session', async () => {
    const { client } = await serve([sessionRefreshProvider], callbacks)
    const reply = await (await client()).callback('session-refresh', {})
    expect(reply.status).toBe(401)
  })
})
