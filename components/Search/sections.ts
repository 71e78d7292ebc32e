// Nextra's search index (`nextra-data-<locale>.json`, written at build time by remark-structurize) as a flat list of
// sections: one per heading of each page, plus the page's opening (the text before its first `##`).
// The index keys each section `slug#Heading text` ('' for the opening) and joins its paragraphs with '\n'.

/** The index file as Nextra writes it: route → the page's title and its sections' text. */
export type NextraSearchData = Record<string, { title: string; data: Record<string, string> }>

export type Section = {
  /** Where the result leads: the page, or the page with the heading's anchor. */
  url: string
  route: string
  /** The page's title in the index (its sidebar title, or front-matter title). */
  pageTitle: string
  /** The page's on-page H1 when it says more than its title ("Beyond next-auth: Better Auth"); Nextra does not index H1s. */
  pageHeading?: string
  /** The section's heading; undefined for the page's opening. */
  heading?: string
  text: string
  /** The page's place in the index (Nextra's order: the sidebar's), to break ties. */
  pageOrder: number
}

/** Flattens the index; `pageHeadings` (route → H1 text) comes from the MDX sources at build time (mdx/page-headings.mjs). */
export function toSections(data: NextraSearchData, pageHeadings: Record<string, string> = {}): Section[] {
  const sections: Section[] = []
  let pageOrder = 0
  for (const [route, page] of Object.entries(data)) {
    // Dynamic routes (`/source/[...path]`) are templates, not pages a reader can open.
    if (route.includes('[')) continue
    const h1 = pageHeadings[route]
    const pageHeading = h1 && h1.toLowerCase() !== page.title.toLowerCase() ? h1 : undefined
    for (const [key, text] of Object.entries(page.data)) {
      const hash = key.indexOf('#')
      const slug = hash < 0 ? key : key.slice(0, hash)
      const heading = hash < 0 ? undefined : key.slice(hash + 1)
      sections.push({
        url: slug ? `${route}#${slug}` : route,
        route,
        pageTitle: page.title,
        pageHeading,
        heading: heading || undefined,
        text: text.replace(/\s+/g, ' ').trim(),
        pageOrder,
      })
    }
    // A page whose text is all in components (the demo) still has a title to find.
    if (Object.keys(page.data).length === 0) sections.push({ url: route, route, pageTitle: page.title, pageHeading, text: '', pageOrder })
    pageOrder++
  }
  return sections
}
