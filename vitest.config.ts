import { defineConfig } from 'vitest/config';

// One project per workspace; each workspace has its own vitest.config.ts.
export default defineConfig({
  test: {
    projects: ['protocol', 'satellite', 'ui', 'server', 'lovelace-card', 'tests'],
  },
});
