import Head from 'next/head'
import { BenchHarness } from '@/components/BenchHarness'

// A page for `npm run bench` only (see bench/run.ts): hidden from the navigation, not indexed.
export default function BenchPage() {
  return (
    <>
      <Head>
        <title>Benchmark harness – Session Update Lab</title>
        <meta name="robots" content="noindex" />
        <meta name="color-scheme" content="light dark" />
      </Head>
      <BenchHarness />
    </>
  )
}
