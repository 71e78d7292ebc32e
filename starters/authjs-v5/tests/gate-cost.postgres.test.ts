import { afterAll, describe } from 'vitest'
import { freshPostgres } from './support/database'
import { gateCostSuite } from './support/gate-cost'

const server = process.env.TEST_DATABASE_URL
describe.runIf(server)('on PostgreSQL', async () => {
  const db = await freshPostgres(server!)
  afterAll(() => db.drop())
  gateCostSuite('PostgreSQL', db.url)
})
