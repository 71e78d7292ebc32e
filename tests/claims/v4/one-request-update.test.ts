// The one-request update in v4 (content/v4/reissue-session*.ts): the route answers with the new cookie from the
// row it wrote. Reads are counted on the snippets' store itself (content/shared/users.ts), spied, not assumed.
import { expect, it, vi } from 'vitest'
import { db } from '@/content/shared/users'
import pagesRoute from '@/content/v4/reissue-session-pages-route'
import { callbacks } from '@/content/v4/update-callbacks'
import { serve } from '../../snippets/v4/setup'
import { claim } from '../support/claim'

claim('v4-response-update-no-read', ['v4'], () => {
  it('the mutation route re-issues the cookie with no read of the row: it has the row it wrote', async () => {
    const { client } = await serve([], callbacks, { '/api/onboarding/complete': pagesRoute })
    const c = await client('Ada')
    const reads = vi.spyOn(db, 'findUser')
    const reply = await c.request('/api/onboarding/complete', { method: 'POST' })
    expect(reply.status).toBe(200)
    expect(reads).toHaveBeenCalledTimes(0)
    reads.mockRestore()
    expect((await c.session()).user.onboardingStep).toBe('COMPLETED')
  })
})
