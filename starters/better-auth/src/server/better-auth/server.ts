import { headers } from 'next/headers'
import { cache } from 'react'
import { auth } from '.'

/** The session for a server component: from the cookie cache while it is fresh (a component cannot set cookies). */
export const getSession = cache(async () => auth.api.getSession({ headers: await headers() }))
