// bench:pages' two references (issue 26): the bare Nextra page, and the same page served with the site's security
// headers from a build of its own. A headers baseline that silently lost its headers would make the site look as
// if its Cross-Origin-Opener-Policy cost nothing; a bare one that gained them would hide the cost altogether.
import { afterEach, expect, it, vi } from 'vitest'
import { securityHeaders } from '../../security/headers.mjs'
import { distDirOf } from '../../bench/lib/baseline'

const CONFIG = '../../bench/baseline-nextra/next.config.mjs'
type Config = { distDir: string; headers?: () => Promise<unknown> }

async function configWith(siteHeaders: string | undefined): Promise<Config> {
  vi.resetModules()
  vi.stubEnv('BASELINE_SITE_HEADERS', siteHeaders)
  return (await import(CONFIG)).default as Config
}
afterEach(() => vi.unstubAllEnvs())

it('the bare baseline has no headers of its own and builds into .next', async () => {
  const config = await configWith('')
  expect(config.distDir).toBe('.next')
  expect(config.headers).toBeUndefined()
})

it("BASELINE_SITE_HEADERS=1 serves the site's very headers, COOP and CSP included, from a build of its own", async () => {
  const config = await configWith('1')
  expect(config.distDir).toBe('.next-site-headers')
  const headers = await config.headers!()
  expect(headers).toEqual(securityHeaders())
  const keys = (headers as { headers: { key: string }[] }[])[0].headers.map((h) => h.key)
  expect(keys).toEqual(expect.arrayContaining(['Cross-Origin-Opener-Policy', 'Content-Security-Policy']))
})

it('the bench reads each variant from the directory its config builds into', async () => {
  expect(distDirOf('bare')).toMatch(/bench\/baseline-nextra\/\.next$/)
  expect(distDirOf('site-headers')).toMatch(/bench\/baseline-nextra\/\.next-site-headers$/)
})
