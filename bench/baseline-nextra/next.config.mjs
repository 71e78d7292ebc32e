// The bench's baseline (issue 26): a bare Nextra 3 docs app, built with the site's own installed next, react, nextra
// and nextra-theme-docs (resolved from the site's node_modules, two directories up), nothing else configured.
import nextra from 'nextra'

const withNextra = nextra({ theme: 'nextra-theme-docs', themeConfig: './theme.config.jsx' })

export default withNextra({ distDir: '.next' })
