// Chapter 6: the built-in update(data): POST /api/auth/session reaches the jwt callback as trigger "update".
import { describe, expect, it } from 'vitest'
import { db } from '@/content/shared/users'
import { callbacks } from '@/content/v4/update-callbacks'
import { serve } from './setup'

describe('update(data) with a validating jwt callback (chapter 6)', () => {
  it('takes role and onboardingStep from the database, never from the client', async () => {
    const { client } = await serve([], callbacks)
    const c = await client('Ada')
    const reply = await c.update({ role: 'admin', onboardingStep: 'COMPLETED', user: { id: 'admin-0001' } })
    expect(reply.status).toBe(200)
    expect(reply.json.user).toMatchObject({ name: 'Ada', role: 'reader', onboardingStep: 'INITIAL' })

    await db.completeOnboarding(reply.json.user.id)
    expect((await c.update({})).json.user).toMatchObject({ role: 'reader', onboardingStep: 'COMPLETED' })
    // v4's update() posts even with no argument: the callback runs with trigger "update" and data undefined.
    expect((await c.update()).json.user.onboardingStep).toBe('COMPLETED')
  })

  it('accepts the one editable claim only when it validates', async () => {
    const { client } = await serve([], callbacks)
    const c = await client('Ada')
    expect((await c.update({ name: '  Ada L.  ' })).json.user.name).toBe('Ada L.')
    for (const bad of [{ name: '' }, { name: 42 }, { name: 'x'.repeat(41) }, { name: 'Eve', role: 'admin' }]) {
      expect((await c.update(bad)).json.user.name, JSON.stringify(bad)).toBe('Ada L.')
    }
  })

  it('needs the CSRF token: without it the answer is 400 and the token is unchanged', async () => {
    const { client } = await serve([], callbacks)
    const c = await client('Ada')
    const before = c.jar.get('next-auth.session-token')
    const reply = await c.request('/api/auth/session', { method: 'POST', body_json: { csrfToken: 'forged', data: { name: 'Eve' } } })
    expect(reply.status).toBe(400)
    expect(c.jar.get('next-auth.session-token')).toBe(before)
    expect((await c.session()).user.name).toBe('Ada')
  })
})
