import nextra from 'nextra'
import codeImport from 'remark-code-import'

const withNextra = nextra({
  theme: 'nextra-theme-docs',
  themeConfig: './theme.config.tsx',
  defaultShowCopyCode: true,
  mdxOptions: {
    // ```ts file=<rootDir>/content/v4/x.ts: the page shows the very file the test suite compiles and runs.
    remarkPlugins: [[codeImport, { rootDir: process.cwd() }]],
    // Nextra's default github-light/github-dark token colours fail WCAG AA contrast (axe), on highlighted lines most.
    rehypePrettyCodeOptions: { theme: { light: 'github-light-high-contrast', dark: 'github-dark-high-contrast' } },
  },
})

export default withNextra({
  reactStrictMode: true,
  poweredByHeader: false,
  // better-sqlite3 is a native addon: load it from node_modules at run time instead of bundling it.
  serverExternalPackages: ['better-sqlite3'],
  webpack(config) {
    // The attack scripts in content/ are shown on pages as text, and run as is by the tests.
    config.module.rules.push({ test: /\.sh$/, type: 'asset/source' })
    return config
  },
})
