export default {
  index: 'Sign in',
  onboarding: 'Onboarding',
  explore: 'Explore (gated)',
  attack: 'Attack lab',
}
