// `npm start` without the production settings: one line naming the variable, a non-zero exit within 10 s, nothing
// served. The settings come from the environment only here (no .env.local in the starter folder).
import { existsSync } from 'node:fs'
import path from 'node:path'
import { expect, it } from 'vitest'
import { root, runStart } from '../support/server'

it.runIf(!existsSync(path.join(root, '.env.local')))('production refuses to start without BETTER_AUTH_SECRET, then without BETTER_AUTH_URL', async () => {
  const noSecret = await runStart({ PORT: '1', BETTER_AUTH_URL: 'http://localhost:1' })
  expect(noSecret.code).not.toBe(0)
  expect(noSecret.ms).toBeLessThan(10_000)
  expect(noSecret.output).toMatch(/^Refusing to start: BETTER_AUTH_SECRET is not set\. .*openssl rand/m)

  const noUrl = await runStart({ PORT: '1', BETTER_AUTH_SECRET: 'x'.repeat(40) })
  expect(noUrl.code).not.toBe(0)
  expect(noUrl.output).toMatch(/^Refusing to start: BETTER_AUTH_URL is not set\. .*AUTH_TRUST_HOST=true/m)

  const badValue = await runStart({ PORT: '1', BETTER_AUTH_SECRET: 'x'.repeat(40), BETTER_AUTH_URL: 'http://localhost:1', SESSION_CACHE_MAX_AGE: 'soon' })
  expect(badValue.code).not.toBe(0)
  expect(badValue.output).toMatch(/SESSION_CACHE_MAX_AGE/)
  expect(badValue.output).toMatch(/^Refusing to start: /m)

  const halfGithub = await runStart({ PORT: '1', BETTER_AUTH_SECRET: 'x'.repeat(40), BETTER_AUTH_URL: 'http://localhost:1', BETTER_AUTH_GITHUB_CLIENT_ID: 'id' })
  expect(halfGithub.code).not.toBe(0)
  expect(halfGithub.output).toMatch(/^Refusing to start: BETTER_AUTH_GITHUB_CLIENT_ID and BETTER_AUTH_GITHUB_CLIENT_SECRET go together/m)
}, 60_000)
