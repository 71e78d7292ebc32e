// Issue 26: Next's <Link> (the pages router's) prefetches every link that scrolls into view: Nextra's navbar,
// sidebar, table of contents and prev/next links on every page. Each prefetch downloads and evaluates the linked
// page's JavaScript (and fetches its data), on the main thread, while the reader's page is still loading: measured,
// that is the blocking time the site gained over a bare Nextra page. Here a page is prefetched on intent only:
// pointer over a link, a touch on it (Link's own handlers, which ask with `priority: true`) or keyboard focus on it.
import Router, { type PrefetchOptions } from 'next/dist/shared/lib/router/router'
import singletonRouter from 'next/router'
import { useEffect } from 'react'

const prefetch = Router.prototype.prefetch

/**
 * Turns Link's viewport prefetch off for the whole app. Link calls `router.prefetch(href, as, { locale })` from an
 * effect when the link becomes visible, and `{ priority: true }` on mouseenter and touchstart (next/dist/client/link.js,
 * Next 15.5): only the second kind gets through. Patched on the class, before any page renders, because the
 * router instance does not exist yet when _app's module runs and Link's effects run before _app's own.
 */
export function prefetchOnIntentOnly() {
  if (Router.prototype.prefetch !== prefetch) return
  Router.prototype.prefetch = function prefetchOnIntent(this: Router, url: string, asPath?: string, options: PrefetchOptions = {}) {
    if (!options.priority) return Promise.resolve()
    return prefetch.call(this, url, asPath, options)
  }
}

/** Keyboard focus is intent too: Link itself prefetches on hover and touch only. */
export function PrefetchOnFocus() {
  useEffect(() => {
    const onFocus = (event: FocusEvent) => {
      const link = event.target instanceof Element ? event.target.closest('a[href]') : null
      if (!(link instanceof HTMLAnchorElement) || link.origin !== location.origin || link.target === '_blank') return
      // Pages only: not a download (a file name with an extension) nor an API route.
      if (/\.\w+$|^\/api\//.test(link.pathname)) return
      // The same call as Link's on hover.
      singletonRouter.prefetch(link.pathname + link.search, undefined, { priority: true }).catch(() => {})
    }
    document.addEventListener('focusin', onFocus)
    return () => document.removeEventListener('focusin', onFocus)
  }, [])
  return null
}
