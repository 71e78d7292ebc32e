// The class Nextra's theme gives links in a page's prose (nextra-theme-docs `Link`): a plain <a> in a component
// gets none (Tailwind's reset), so it would read as body text. For <a> elements Nextra's Link cannot render, such
// as a download, which must not be turned into a client-side navigation.
export const LINK = '_text-primary-600 _underline hover:_no-underline _decoration-from-font [text-underline-position:from-font]'
