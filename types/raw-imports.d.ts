// Shell scripts under content/ are imported as text (next.config.mjs: asset/source), shown on pages and run by tests.
declare module '*.sh' {
  const source: string
  export default source
}
