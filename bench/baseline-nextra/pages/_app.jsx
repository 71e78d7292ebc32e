// Nextra 3 requires a custom App; this is the minimal one its docs give.
export default function App({ Component, pageProps }) {
  return <Component {...pageProps} />
}
