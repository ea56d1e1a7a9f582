// Vitest global setup: builds dist/jarvis-card.js once before the card's tests, so `npm test`
// works on a fresh clone (dist/ is not committed; releases attach the built file).
import { buildCard } from '../scripts/build.js';

export default async function setup(): Promise<void> {
  await buildCard();
}
