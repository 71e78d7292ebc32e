import Credentials from 'next-auth/providers/credentials'
import { z } from 'zod'
import { env } from '~/env'
import { upsertUserByEmail } from '~/server/db/users'

/** Dev sign-in without a password: on in development, or with DEV_SIGN_IN=1 (tests). Never on a public site. */
export const devSignInEnabled = env.NODE_ENV !== 'production' || env.DEV_SIGN_IN === '1'

const email = z.email().max(200)

export const devProvider = Credentials({
  id: 'dev',
  name: 'Dev sign-in',
  credentials: { email: { label: 'Email', type: 'email' } },
  async authorize(credentials) {
    const parsed = email.safeParse(credentials.email)
    if (!parsed.success) return null // → error=CredentialsSignin
    const user = await upsertUserByEmail(parsed.data)
    return { id: user.id, email: user.email, name: user.name }
  },
})
