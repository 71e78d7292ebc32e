import nextra from 'nextra'
import codeImport from 'remark-code-import'
import codeAsPageData from './mdx/code-as-page-data.mjs'
import { pageHeadings } from './mdx/page-headings.mjs'
import searchText from './mdx/search-text.mjs'
import tableLabels from './mdx/table-labels.mjs'
import starterList from './mdx/starter-list.mjs'
import claimList from './mdx/claim-list.mjs'
import { securityHeaders, sitePolicy } from './security/headers.mjs'

// Nextra's default github-light/github-dark token colours fail WCAG AA contrast (axe), on highlighted lines most.
const theme = { light: 'github-light-high-contrast', dark: 'github-dark-high-contrast' }

const withNextra = nextra({
  theme: 'nextra-theme-docs',
  themeConfig: './theme.config.tsx',
  defaultShowCopyCode: true,
  mdxOptions: {
    // ```ts file=<rootDir>/content/v4/x.ts: the page shows the very file the test suite compiles and runs.
    // <StarterList />: the starters under starters/, listed from the tree at build time (mdx/starter-list.mjs).
    // searchText: a space after each paragraph, so the search index keeps sentence boundaries (mdx/search-text.mjs).
    // <ClaimList />: every <Claim id> of the guide with its test, read from the tree (mdx/claim-list.mjs).
    remarkPlugins: [starterList, claimList, [codeImport, { rootDir: process.cwd() }], searchText],
    // Code blocks go to the page's data, highlighted, instead of its JavaScript; so does the code each token lab
    // shows before it loads (its preset's auth.ts).
    // tableLabels: each cell names its column, for the stacked tables of a phone (mdx/table-labels.mjs).
    rehypePlugins: [
      tableLabels,
      [
        codeAsPageData,
        {
          theme,
          rootDir: process.cwd(),
          embeds: { TokenLab: ({ preset = 'naive' }) => ({ file: `content/lab/${preset}/auth.ts`, lang: 'ts', attribute: 'codeId' }) },
        },
      ],
    ],
    // For what Nextra still highlights itself (inline code with a language).
    rehypePrettyCodeOptions: { theme },
  },
})

export default withNextra({
  reactStrictMode: true,
  poweredByHeader: false,
  // CSP, framing, nosniff, referrer, permissions and HSTS on every route, API routes and static files included.
  headers: async () => securityHeaders(),
  // The site's CSP for an https public URL, which middleware.ts sends (with HSTS) when NEXTAUTH_URL is https at run
  // time: it needs the inline scripts' hashes, computed here at build time with the rest of the policy.
  // SEARCH_PAGE_HEADINGS: each page's H1, which the site's search ranks as the page's title (components/Search).
  env: { SITE_CSP_HTTPS: sitePolicy({ https: true }), SEARCH_PAGE_HEADINGS: JSON.stringify(pageHeadings('pages')) },
  // A chapter's page data is its highlighted code (mdx/code-as-page-data.mjs): the hardening chapter's is 150 kB,
  // 8.8 kB gzip, less than its JavaScript carried before. Next warns from 128 kB on.
  experimental: { largePageDataBytes: 256 * 1000 },
  // better-sqlite3 is a native addon: load it from node_modules at run time instead of bundling it.
  serverExternalPackages: ['better-sqlite3'],
  // The guide has no index page of its own: its first chapter is where it starts.
  async redirects() {
    return [{ source: '/guide', destination: '/guide/the-problem', permanent: false }]
  },
  webpack(config, { isServer }) {
    // The attack scripts in content/ are shown on pages as text, and run as is by the tests.
    config.module.rules.push({ test: /\.sh$/, type: 'asset/source' })
    // `import text from './file.ts?raw'`: the lab shows the files under content/lab as they are on disk. Next's
    // loaders sit in `oneOf` lists, where the first match wins: put this rule first, or SWC would compile the text.
    const rawSource = { resourceQuery: /^\?raw$/, type: 'asset/source' }
    for (const rule of config.module.rules) if (Array.isArray(rule?.oneOf)) rule.oneOf.unshift(rawSource)
    // The lab's worker (new Worker(..., { name: 'token-lab', type: 'module' })) must stay one file: a module
    // worker cannot load split chunks, which webpack fetches with importScripts.
    const split = config.optimization?.splitChunks
    if (!isServer && typeof split?.chunks === 'function') {
      const chunks = split.chunks
      split.chunks = (chunk) => chunk.name !== 'token-lab' && chunks(chunk)
    }
    return config
  },
})
