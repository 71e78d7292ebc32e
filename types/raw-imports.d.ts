// Shell scripts under content/ are imported as text (next.config.mjs: asset/source), shown on pages and run by tests.
declare module '*.sh' {
  const source: string
  export default source
}

// Any file imported with `?raw` is its text (next.config.mjs for the site, Vite natively for the tests).
declare module '*?raw' {
  const source: string
  export default source
}
