// Chapters 3 and 4 in Auth.js v5 (the hardened provider of chapter 5: tests/claims/v5/starter-ticket.test.ts, from the v5 starter), against @auth/core's Auth() with plain Requests.
import { describe, expect, it } from 'vitest'
import { callbacks } from '@/content/v5/claims-callbacks'
import { sessionUpdateProvider as naiveProvider } from '@/content/v5/naive-provider'
import { FORGED_ADMIN } from '../../support/forged'
import { auth, outcome } from './setup'

describe('v5 pass-through (chapters 3 and 4)', () => {
  it('the naive provider mints any user and role for an anonymous caller', async () => {
    const anonymous = await auth([naiveProvider], callbacks)()
    const reply = await anonymous.callback('session-update', { user: JSON.stringify(FORGED_ADMIN) })
    expect(outcome(reply).error).toBeNull()
    expect((await anonymous.session()).user).toMatchObject({ id: 'admin-0001', role: 'admin', onboardingStep: 'COMPLETED' })
  })
})
