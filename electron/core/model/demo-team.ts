/**
 * The demo county's team, so the demo can be tried end to end (sign in, blind second entry,
 * resolve, certify, recount). The PINs are public (README.md): never use them for a real county.
 * No imports, so the renderer may show the demo chair's sign-in as a hint.
 */
export const DEMO_TEAM = [
  { name: 'Demo Chair', role: 'chair', pin: '2468' },
  { name: 'Jordan Lee', role: 'entry', pin: '1111' },
  { name: 'Sam Ortiz', role: 'entry', pin: '2222' },
  { name: 'Riley Park', role: 'verifier', pin: '3333' },
] as const;

export const DEMO_CHAIR = DEMO_TEAM[0];
