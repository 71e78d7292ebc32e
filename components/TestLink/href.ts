// Set at build time where the site's source is public (as in theme.config.tsx); without it, the site serves its
// own read-only copy of each linked file at /source/<path> (pages/source/[...path].tsx).
const REPOSITORY = process.env.NEXT_PUBLIC_REPOSITORY_URL

export const sourceHref = (path: string) => (REPOSITORY ? `${REPOSITORY.replace(/\/$/, '')}/blob/main/${path}` : `/source/${path}`)
