import type { DocsThemeConfig } from 'nextra-theme-docs'
import { useConfig } from 'nextra-theme-docs'
import { Search } from '@/components/Search'

const SITE_NAME = 'Session Update Lab'
// Set at build time where the site's source is public; without it, no link points at a repository that may not exist.
const REPOSITORY = process.env.NEXT_PUBLIC_REPOSITORY_URL
const DEFAULT_DESCRIPTION =
  'Update a NextAuth.js / Auth.js JWT session in place, without signing the user out and in again: the pattern, the attack it allows, the hardened ticket and the built-in update(), with a live demo.'

function Head() {
  const { frontMatter, title } = useConfig()
  // The home page's title is the site's name: "Session Update Lab", not "Session Update Lab – Session Update Lab".
  const pageTitle = title && title !== 'Index' && title !== SITE_NAME ? `${title} – ${SITE_NAME}` : SITE_NAME
  const description: string = frontMatter.description ?? DEFAULT_DESCRIPTION
  return (
    <>
      <title>{pageTitle}</title>
      <meta name="description" content={description} />
      <meta property="og:type" content="article" />
      <meta property="og:site_name" content={SITE_NAME} />
      <meta property="og:title" content={pageTitle} />
      <meta property="og:description" content={description} />
      <meta name="twitter:card" content="summary" />
      <meta name="twitter:title" content={pageTitle} />
      <meta name="twitter:description" content={description} />
    </>
  )
}

const config: DocsThemeConfig = {
  logo: (
    <span style={{ fontWeight: 800 }}>
      Session&nbsp;Update&nbsp;Lab
    </span>
  ),
  project: { link: REPOSITORY },
  docsRepositoryBase: REPOSITORY ? `${REPOSITORY}/tree/main` : '',
  head: Head,
  faviconGlyph: '🔑',
  color: { hue: { light: 212, dark: 204 }, saturation: 100, lightness: { light: 38, dark: 62 } },
  editLink: REPOSITORY ? { content: 'Edit this page' } : { component: null },
  feedback: { content: REPOSITORY ? 'Question or correction? Open an issue →' : null },
  footer: {
    content: (
      <span>
        Session Update Lab: every snippet on this site is a file the test suite compiles and runs.
      </span>
    ),
  },
  sidebar: { defaultMenuCollapseLevel: 1, toggleButton: true },
  toc: { backToTop: true },
  // Our own search box: titles rank above passing mentions (components/Search/rank.ts); Nextra's sorts by FlexSearch's page order.
  search: { component: Search },
}

export default config
