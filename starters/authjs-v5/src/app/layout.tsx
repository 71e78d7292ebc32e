import type { Metadata } from 'next'
import type { ReactNode } from 'react'
import { auth } from '~/server/auth'
import './globals.css'
import { Providers } from './providers'

export const metadata: Metadata = { title: 'Onboarding starter (Auth.js v5)' }

export default async function RootLayout({ children }: { children: ReactNode }) {
  const session = await auth()
  return (
    <html lang="en">
      <body>
        <header>
          <a href="/">
            <img src="/logo.png" alt="" width={16} height={16} /> Onboarding starter
          </a>
        </header>
        <Providers session={session}>
          <main>{children}</main>
        </Providers>
      </body>
    </html>
  )
}
