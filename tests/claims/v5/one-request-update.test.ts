// The one-request update in v5: unstable_update posts { data } to Auth.js in process with the CSRF check skipped
// (next-auth 5 lib/actions.js), which runs the jwt callback with trigger "update". Sent here as it sends it; reads
// counted on the snippets' store (content/shared/users.ts), spied, not assumed.
import { skipCSRFCheck } from '@auth/core'
import { expect, it, vi } from 'vitest'
import { db } from '@/content/shared/users'
import { callbacks } from '@/content/v5/unstable-update-callbacks'
import { authFetch } from '@/content/v5/testing/auth-fetch'
import { Client } from '../../support/client'
import { ORIGIN, auth, signInProvider } from '../../snippets/v5/setup'
import { claim } from '../support/claim'

claim('v5-response-update-reads-once', ['v5'], () => {
  it('unstable_update runs the jwt callback, which reads the row once', async () => {
    const c = await auth([], callbacks)('Ada')
    await db.completeOnboarding((await c.session()).user.id)
    const asServer = new Client(ORIGIN, authFetch({ secret: process.env.AUTH_SECRET, providers: [signInProvider], callbacks, skipCSRFCheck }))
    for (const [k, v] of c.jar) asServer.jar.set(k, v)
    const reads = vi.spyOn(db, 'findUser')
    const reply = await asServer.request('/api/auth/session', { method: 'POST', body_json: { data: {} } })
    expect(reads).toHaveBeenCalledTimes(1)
    reads.mockRestore()
    expect(reply.json.user.onboardingStep).toBe('COMPLETED')
  })
})
