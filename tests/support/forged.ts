// The attacker's user JSON: what the naive pass-through mints for anyone who posts it (one home for every test).
export const FORGED_ADMIN = { id: 'admin-0001', name: 'Mallory', role: 'admin', onboardingStep: 'COMPLETED' }
