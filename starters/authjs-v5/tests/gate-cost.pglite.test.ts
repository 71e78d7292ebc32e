import { gateCostSuite } from './support/gate-cost'

gateCostSuite('PGlite')
