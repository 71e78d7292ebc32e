import type { AppProps } from 'next/app'
import { SearchRetry } from '@/components/SearchRetry'
import '@/styles/global.css'

export default function App({ Component, pageProps }: AppProps) {
  return (
    <>
      <SearchRetry />
      <Component {...pageProps} />
    </>
  )
}
