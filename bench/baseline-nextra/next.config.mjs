// The bench's baseline (issue 26): a bare Nextra 3 docs app, built with the site's own installed next, react, nextra
// and nextra-theme-docs (resolved from the site's node_modules, two directories up), nothing else configured.
// BASELINE_SITE_HEADERS=1, at build and at start: the same app served with the site's security headers (its very
// `securityHeaders()`), from a build of its own. The headers cost a bare page 5–12 points in Lighthouse, nearly all
// of it Cross-Origin-Opener-Policy's (README, "Page speed", fourth round): the site is also set against a baseline
// that pays the same price.
import nextra from 'nextra'
import { securityHeaders } from '../../security/headers.mjs'

const withNextra = nextra({ theme: 'nextra-theme-docs', themeConfig: './theme.config.jsx' })

export default withNextra(
  process.env.BASELINE_SITE_HEADERS === '1'
    ? { distDir: '.next-site-headers', headers: async () => securityHeaders() }
    : { distDir: '.next' },
)
