import type { Metadata } from 'next'
import type { ReactNode } from 'react'
import './globals.css'

export const metadata: Metadata = { title: 'Onboarding starter (Better Auth)' }

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <header>
          <a href="/">
            <img src="/logo.png" alt="" width={16} height={16} /> Onboarding starter
          </a>
        </header>
        <main>{children}</main>
      </body>
    </html>
  )
}
