// The onboarding steps, in a module with no imports: the middleware reads them without pulling in SQLite.
export const ONBOARDING_INITIAL = 'INITIAL'
export const ONBOARDING_COMPLETED = 'COMPLETED'
