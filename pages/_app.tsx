import type { AppProps } from 'next/app'
import { PrefetchOnFocus, prefetchOnIntentOnly } from '@/components/PrefetchOnIntent'
import '@/styles/global.css'

// Before any page renders: no prefetch of the pages a link merely shows (issue 26, components/PrefetchOnIntent).
prefetchOnIntentOnly()

export default function App({ Component, pageProps }: AppProps) {
  return (
    <>
      <PrefetchOnFocus />
      <Component {...pageProps} />
    </>
  )
}
