// The site's security headers, in one place. next.config.mjs serves them on every route (pages, API routes, files
// under public/ and /_next/static); the token lab's sandbox document gets a stricter policy of its own.
// Computed when next.config.mjs loads, that is at build time: `next start` serves the headers the build recorded.
// The two that depend on the public URL (HSTS, upgrade-insecure-requests) are set per request instead, by
// middleware.ts from public-url-headers.mjs, so they follow the NEXTAUTH_URL the server runs with.
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { ThemeProvider } from 'next-themes'
import { LAB_SANDBOX_PATH } from '../lab/sandbox-path.mjs'

// A string is hashed as its UTF-8 bytes (Node's default), as the browser hashes a script's text for CSP.
export const sha256Source = (text) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`

/**
 * The inline scripts Nextra's layout puts on every page, rendered by the very code that renders them there:
 * next-themes' theme script (nextra-theme-docs' InnerLayout passes it attribute "class", disableTransitionOnChange
 * and its `nextThemes` defaults: defaultTheme "system", storageKey "theme") and the `dir` script beside it.
 * Next's own inline script, __NEXT_DATA__, is JSON (type="application/json"): never executed, so CSP ignores it.
 */
export function nextraInlineScripts() {
  const markup = renderToStaticMarkup(
    // Stryker disable next-line BooleanLiteral: disableTransitionOnChange acts when the theme switches; the script is the same.
    createElement(ThemeProvider, { attribute: 'class', disableTransitionOnChange: true, defaultTheme: 'system', storageKey: 'theme' }),
  )
  return [onlyScript(markup), "document.documentElement.setAttribute('dir','ltr')"]
}

/** The text of `markup` when it is one inline script element and nothing else; else a refusal at build time. */
export function onlyScript(markup) {
  const script = /^<script>([\s\S]*)<\/script>$/.exec(markup)?.[1]
  if (!script) throw new Error(`security/headers.mjs: next-themes no longer renders one inline script (${markup.slice(0, 80)}…)`)
  return script
}

/** The inline script of the lab's sandbox document, read from the file served. */
export function sandboxScript(file = new URL('../public/lab-sandbox.html', import.meta.url)) {
  const html = readFileSync(file, 'utf8')
  const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1])
  if (scripts.length !== 1) throw new Error(`${LAB_SANDBOX_PATH} must have exactly one inline script, found ${scripts.length}`)
  return scripts[0]
}

const policy = (directives) =>
  Object.entries(directives)
    .map(([name, sources]) => [name, ...sources].join(' '))
    .join('; ')

/**
 * Pages, API routes and files: scripts only from this origin plus Nextra's two inline scripts by hash (no
 * 'unsafe-inline', no 'unsafe-eval'), nothing from another origin, and no framing.
 * style-src keeps 'unsafe-inline': Shiki colours every code token with a style attribute (style-src-attr has no
 * hashes for attributes short of 'unsafe-hashes' per value), next-themes adds a <style> while switching themes,
 * and Sandpack's stitches inserts its own <style>. CSS cannot run script; scripts are what this policy locks down.
 */
export function sitePolicy({ https = false } = {}) {
  return policy({
    'default-src': ["'self'"],
    'script-src': ["'self'", ...nextraInlineScripts().map(sha256Source)],
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:'],
    'font-src': ["'self'"],
    'connect-src': ["'self'"],
    // The only frame: the lab's sandbox, a document of this origin (which runs with an opaque origin).
    'frame-src': ["'self'"],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'"],
    'frame-ancestors': ["'none'"],
    ...(https && { 'upgrade-insecure-requests': [] }),
  })
}

/**
 * The lab's sandbox document: its one script by hash, workers only from data: (the engine, handed over by the
 * page), 'unsafe-eval' because the engine compiles the reader's code with new Function, and no network at all.
 * A data: worker inherits this policy (as a blob: one would), so the reader's code runs under connect-src 'none'.
 * Not blob:: a blob:null/... worker is no secure context in Chromium, and Auth.js needs crypto.subtle. `sandbox` keeps the
 * document's origin opaque even if it is opened on its own; only this site may frame it.
 */
export function sandboxPolicy() {
  return policy({
    'default-src': ["'none'"],
    'script-src': [sha256Source(sandboxScript()), "'unsafe-eval'"],
    'worker-src': ['data:'],
    'connect-src': ["'none'"],
    'base-uri': ["'none'"],
    'form-action': ["'none'"],
    'frame-ancestors': ["'self'"],
    sandbox: ['allow-scripts'],
  })
}

const common = () => [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  // Nothing on this site uses these; a framed or injected script may not either.
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=(), browsing-topics=()' },
  { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
]

/**
 * Every spelling of a path: Next matches `headers()` sources against the raw request path, but serves public/ files
 * after percent-decoding it, so `/%6cab-sandbox.html` is the sandbox document too. Each character may come as itself
 * or as %XX in either case of hex; a regular expression with no capturing group (path-to-regexp refuses those).
 */
export function everySpelling(path) {
  const escape = (c) => c.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&')
  const hex = (c) => [...c.charCodeAt(0).toString(16).padStart(2, '0')].map((d) => (/[a-f]/.test(d) ? `[${d}${d.toUpperCase()}]` : d)).join('')
  return [...path].map((c) => `(?:${escape(c)}|%${hex(c)})`).join('')
}

/** next.config.mjs `headers()`: every header that does not depend on the public URL (see public-url-headers.mjs). */
export function securityHeaders() {
  const sandbox = everySpelling(LAB_SANDBOX_PATH.slice(1))
  // Every path but the sandbox document: a negative lookahead, since two matching entries would send both policies.
  const notSandbox = `/:path((?!${sandbox}/?$).*)`
  return [
    { source: notSandbox, headers: [...common(), { key: 'Content-Security-Policy', value: sitePolicy() }, { key: 'X-Frame-Options', value: 'DENY' }] },
    { source: `/:file(${sandbox})`, headers: [...common(), { key: 'Content-Security-Policy', value: sandboxPolicy() }, { key: 'X-Frame-Options', value: 'SAMEORIGIN' }] },
  ]
}
