// Which renderer process Chromium loads a page in, by where the tab comes from: about:blank (as Lighthouse starts
// every run) or a page of another site (as a reader following a link) (bench/lib/renderer-swap.ts). Against servers
// already running, say the bench's two baselines (bench/lib/baseline.ts, bare and with the site's headers):
//   npx tsx bench/renderer-swap.ts http://localhost:3200/ http://localhost:3201/
// Each URL is loaded from about:blank, then from the same URL's host spelled 127.0.0.1 (another site to Chromium).
import { chromium } from 'playwright-core'
import { CHROME } from '../e2e/support/browser'
import { loadsInNewRenderer, otherSite } from './lib/renderer-swap'

const urls = process.argv.slice(2)

async function main() {
  if (urls.length === 0) throw new Error('usage: npx tsx bench/renderer-swap.ts <url>...')
  if (!CHROME) throw new Error('No Chromium: set CHROME_PATH or `apt-get install -y chromium`.')
  const browser = await chromium.launch({ executablePath: CHROME, args: ['--no-sandbox'] })
  try {
    for (const url of urls) {
      const coop = (await fetch(url)).headers.get('cross-origin-opener-policy') ?? 'none'
      for (const from of ['about:blank', otherSite(url)]) {
        const fresh = await loadsInNewRenderer(browser, from, url)
        console.log(`${url} (COOP ${coop}) from ${from}: ${fresh ? 'a new renderer process' : 'the same renderer process'}`)
      }
    }
  } finally {
    await browser.close()
  }
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
