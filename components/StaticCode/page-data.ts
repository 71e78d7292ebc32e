// The code blocks' HTML travels once per page load, not twice (issue 26).
//
// mdx/code-as-page-data.mjs puts every code block's highlighted HTML in the page's getStaticProps (`staticCode`).
// Next.js serves those props twice over: as /_next/data/<build>/<page>.json, which client-side navigation fetches,
// and inlined in the page's HTML as __NEXT_DATA__, next to the very same HTML the server rendered from them. On
// /guide/server-side-update that copy was 171 KB of a 403 KB document, parsed on the main thread at load.
// pages/_document.tsx drops it from __NEXT_DATA__ only (the .json keeps it); on that first load, components/StaticCode
// takes each block's HTML from the server-rendered element instead (`data-static-code`).

/** The page-data key mdx/code-as-page-data.mjs writes the blocks under: block id → highlighted HTML. */
export const STATIC_CODE = 'staticCode'

type NextData = { props?: { pageProps?: Record<string, unknown> } & Record<string, unknown> }

/**
 * __NEXT_DATA__ without the code blocks. The props object is replaced, never edited: it is the same object Next
 * writes to the page's .json, which must keep them.
 */
export function dropStaticCodeFromInlineData(nextData: NextData): void {
  const pageProps = nextData.props?.pageProps
  if (!pageProps || !(STATIC_CODE in pageProps)) return
  const { [STATIC_CODE]: _inHtmlAlready, ...rest } = pageProps
  nextData.props = { ...nextData.props, pageProps: rest }
}
