import { readSessionCookie, readSessionToken } from '../session-cookie'
import { allowMethod } from './http'
import { instrumented } from './instrumented'

/** The caller's own token, decoded: only ever the cookie this request carries. */
export const tokenHandler = instrumented(async (req, res) => {
  if (!allowMethod(req, res, 'GET')) return
  const cookie = readSessionCookie(req.headers.cookie, req.headers)
  const claims = await readSessionToken(req.headers.cookie, req.headers)
  res.setHeader('Cache-Control', 'no-store')
  res.status(200).json({ signedIn: claims !== null, claims, cookie: claims ? cookie : null })
})
