// The headers and CSP next.config.mjs serves, built from security/headers.mjs and matched the way Next matches them
// (its own buildCustomRoute, as `next build` compiles `headers()` sources), without a build: which policy each path
// gets, every spelling of the sandbox's path included (issue 22: `/%6cab-sandbox.html` got the site's), and what each
// policy allows. tests/integration/security-headers.test.ts checks the same on the production server.
import { createHash } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { describe, expect, it } from 'vitest'
// What `next build` compiles each headers() source with.
import { buildCustomRoute } from 'next/dist/lib/build-custom-route'
import { everySpelling, nextraInlineScripts, onlyScript, sandboxPolicy, sandboxScript, securityHeaders, sitePolicy } from '@/security/headers.mjs'
import { LAB_SANDBOX_PATH } from '@/lab/sandbox-path.mjs'
import { publicUrlHeaders } from '@/security/public-url-headers.mjs'

type Header = { key: string; value: string }
type Rule = { source: string; headers: Header[] }

/** The headers a path gets: every rule whose compiled regex matches the raw path, as Next applies them. */
function headersFor(path: string, rules: Rule[] = securityHeaders()): Header[][] {
  return rules.filter((rule) => new RegExp(buildCustomRoute('header', rule).regex).test(path)).map((rule) => rule.headers)
}
/** publicUrlHeaders' [name, value] pairs, typed as pairs (the .mjs gives string[][]). */
const pairs = (list: string[][]) => list.map(([name, value]) => [name, value] as const)
const csp = (headers: Header[]) => headers.find((h) => h.key === 'Content-Security-Policy')!.value
const directives = (policy: string) => Object.fromEntries(policy.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)]))

/** Spellings of the sandbox's path a client may send: each character as itself or %XX in either case. */
function spellings(): string[] {
  const name = LAB_SANDBOX_PATH.slice(1)
  const enc = (c: string, upper: boolean) => `%${c.charCodeAt(0).toString(16).padStart(2, '0')[upper ? 'toUpperCase' : 'toLowerCase']()}`
  const out = new Set<string>([`/${name}`, `/${[...name].map((c) => enc(c, true)).join('')}`, `/${[...name].map((c) => enc(c, false)).join('')}`])
  ;[...name].forEach((c, i) => {
    for (const upper of [true, false]) out.add(`/${name.slice(0, i)}${enc(c, upper)}${name.slice(i + 1)}`)
  })
  // A fixed pseudo-random sample of mixed spellings (a linear congruential generator: the same every run).
  let seed = 22
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31
  for (let n = 0; n < 200; n++) out.add(`/${[...name].map((c) => (next() < 0.5 ? c : enc(c, next() < 0.5))).join('')}`)
  return [...out]
}

describe('which policy each path gets (Next’s own matching of the headers() sources)', () => {
  it('the sandbox document, under every spelling of its path, gets the sandbox policy and only that', () => {
    const all = spellings()
    expect(all.length).toBeGreaterThan(200)
    for (const path of all) {
      expect(decodeURIComponent(path)).toBe(LAB_SANDBOX_PATH)
      const matched = headersFor(path)
      expect(matched, path).toHaveLength(1)
      expect(csp(matched[0]), path).toBe(sandboxPolicy())
    }
    expect(headersFor('/%6cab-sandbox.html').map(csp)).toEqual([sandboxPolicy()])
  })

  it('every other path gets the site policy and only that', () => {
    for (const path of ['/', '/lab', '/guide/the-problem', '/api/demo/token', '/lab-sandbox.htm', '/lab-sandbox.html.map', '/xlab-sandbox.html', '/lab-sandbox.html/x', '/a/lab-sandbox.html', '/_next/static/x.js', '/%2e%2e/lab-sandbox.html']) {
      const matched = headersFor(path)
      expect(matched, path).toHaveLength(1)
      expect(csp(matched[0]), path).toBe(sitePolicy())
      expect(matched[0]).toContainEqual({ key: 'X-Frame-Options', value: 'DENY' })
    }
  })

  it('everySpelling: a regular expression with no capturing group (path-to-regexp refuses them)', () => {
    const re = everySpelling('a.b-')
    expect(re).not.toMatch(/\((?!\?:)/)
    const full = new RegExp(`^${re}$`)
    for (const ok of ['a.b-', '%61%2e%62%2D', '%61.b%2d']) expect(full.test(ok), ok).toBe(true)
    for (const no of ['aXb-', 'a.b', '%6', 'A.b-']) expect(full.test(no), no).toBe(false)
    // A character below U+0010 is still two hex digits (%09, never %9).
    const tab = new RegExp(`^${everySpelling('\t')}$`)
    for (const ok of ['\t', '%09']) expect(tab.test(ok), ok).toBe(true)
    expect(tab.test('%9')).toBe(false)
  })
})

// Every policy is computed inside its test: an error thrown while a file is collected fails no test, so Stryker
// would count a mutant that breaks the policy as survived.
describe('the site policy', () => {
  it('scripts from this origin and Nextra’s two inline scripts by hash only: no unsafe-inline, no eval, no other origin', () => {
    const site = directives(sitePolicy())
    const hashes = nextraInlineScripts().map((s: string) => `'sha256-${createHash('sha256').update(s).digest('base64')}'`)
    expect(hashes).toHaveLength(2)
    for (const sources of Object.values(site) as string[][]) for (const s of sources) expect(s).toMatch(/^('[\w-]+'|'sha256-[\w+/=]+'|data:)$/)
    expect(site).toEqual({
      'default-src': ["'self'"],
      'script-src': ["'self'", ...hashes],
      'style-src': ["'self'", "'unsafe-inline'"],
      'img-src': ["'self'", 'data:'],
      'font-src': ["'self'"],
      'connect-src': ["'self'"],
      'frame-src': ["'self'"],
      'object-src': ["'none'"],
      'base-uri': ["'self'"],
      'form-action': ["'self'"],
      'frame-ancestors': ["'none'"],
    })
  })

  it('Nextra’s inline scripts are the ones nextra-theme-docs renders: next-themes with Nextra’s options, and the dir script', () => {
    // The layout's own source (nextra-theme-docs' dist) is the oracle: the options it passes and the dir script's template.
    const layout = readFileSync(join(__dirname, '../../node_modules/nextra-theme-docs/dist/index.js'), 'utf8')
    expect(layout).toMatch(/attribute: "class",\s*disableTransitionOnChange: true/)
    expect(layout).toMatch(/nextThemes: \{\s*defaultTheme: "system",\s*storageKey: "theme"/)
    const [theme, dir] = nextraInlineScripts()
    // next-themes' script ends by calling itself with (attribute, storageKey, defaultTheme, ...).
    expect(theme).toMatch(/\)\("class","theme","system",[^)]*\)$/)
    expect(theme).not.toMatch(/<\/?script/)
    const template = /__html: `(document\.documentElement\.setAttribute\('dir','\$\{dir\}'\))`/.exec(layout)![1]
    expect(dir).toBe(template.replace('${dir}', 'ltr'))
  })

  it('onlyScript: the text of exactly one inline script element and nothing else, or a refusal naming the markup', () => {
    expect(onlyScript('<script>a b\nc</script>')).toBe('a b\nc')
    for (const markup of ['<p>x</p><script>a</script>', '<script>a</script><p>x</p>', '<script></script>', '<p>no script</p>']) {
      expect(() => onlyScript(markup), markup).toThrow(`security/headers.mjs: next-themes no longer renders one inline script (${markup}…)`)
    }
    expect(() => onlyScript(`<p>${'x'.repeat(100)}</p>`)).toThrow(`(<p>${'x'.repeat(77)}…)`)
  })

  it('over https: upgrade-insecure-requests and HSTS, set per request from the run-time URL; over http neither', () => {
    expect(directives(sitePolicy({ https: true }))['upgrade-insecure-requests']).toEqual([])
    // The build-time rules never carry them (a build made before the https URL was set would serve none).
    for (const headers of headersFor('/')) expect(headers.map((h) => h.key)).not.toContain('Strict-Transport-Security')
    const https = new Map(pairs(publicUrlHeaders('https://demo.example', '/', sitePolicy({ https: true }))))
    expect(https.get('Strict-Transport-Security')).toBe('max-age=31536000; includeSubDomains')
    expect(https.get('Content-Security-Policy')).toContain('upgrade-insecure-requests')
    // The sandbox keeps its own policy however its path is spelled; HSTS still applies.
    expect(new Map(pairs(publicUrlHeaders('https://demo.example', '/%6cab-sandbox.html', 'x'))).has('Content-Security-Policy')).toBe(false)
    expect(publicUrlHeaders('http://localhost:3000', '/', 'x')).toEqual([])
  })

  it('the common headers on every rule', () => {
    for (const rule of securityHeaders() as Rule[]) {
      expect(rule.headers).toEqual(
        expect.arrayContaining([
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
          { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
          expect.objectContaining({ key: 'Permissions-Policy', value: expect.stringContaining('camera=()') }),
        ]),
      )
    }
  })
})

describe('the sandbox policy', () => {
  it('its one inline script by hash, eval for the reader’s code, workers from data: only, no network, an opaque origin, framed by this site only', () => {
    const sandbox = directives(sandboxPolicy())
    const html = readFileSync(join(__dirname, '../../public/lab-sandbox.html'), 'utf8')
    const script = /<script>([\s\S]*?)<\/script>/.exec(html)![1]
    expect(sandboxScript()).toBe(script)
    expect(sandbox).toEqual({
      'default-src': ["'none'"],
      'script-src': [`'sha256-${createHash('sha256').update(script).digest('base64')}'`, "'unsafe-eval'"],
      'worker-src': ['data:'],
      'connect-src': ["'none'"],
      'base-uri': ["'none'"],
      'form-action': ["'none'"],
      'frame-ancestors': ["'self'"],
      sandbox: ['allow-scripts'],
    })
    expect(headersFor(LAB_SANDBOX_PATH)[0]).toContainEqual({ key: 'X-Frame-Options', value: 'SAMEORIGIN' })
  })

  it('refuses a sandbox document with more or fewer than one inline script', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sul-sandbox-'))
    try {
      for (const [html, n] of [['<script>a</script><script>b</script>', 2], ['<p>no script</p>', 0]] as const) {
        writeFileSync(join(dir, 'doc.html'), html)
        expect(() => sandboxScript(pathToFileURL(join(dir, 'doc.html')))).toThrow(`/lab-sandbox.html must have exactly one inline script, found ${n}`)
      }
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
