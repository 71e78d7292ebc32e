import type { AppProps } from 'next/app'
import Head from 'next/head'
import type { Session } from 'next-auth'
import { SessionProvider } from 'next-auth/react'
import '../styles.css'

export default function App({ Component, pageProps: { session, ...pageProps } }: AppProps<{ session?: Session | null }>) {
  return (
    <SessionProvider session={session}>
      <Head>
        <title>next-auth v4 starter</title>
        <meta name="viewport" content="width=device-width, initial-scale=1" />
      </Head>
      <Component {...pageProps} />
    </SessionProvider>
  )
}
