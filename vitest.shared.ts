import { defineProject } from 'vitest/config';

// Workspace packages export their TypeScript sources under the "source" condition,
// so tests run against src/ without a build step.
export function workspaceProject(name: string) {
  return defineProject({
    resolve: { conditions: ['source'] },
    ssr: { resolve: { conditions: ['source'], externalConditions: ['source'] } },
    test: {
      name,
      include: ['**/*.test.ts'],
      exclude: ['**/node_modules/**', '**/dist/**'],
      // Safety nets, not measurements: CI runs on a busy machine, and an end-to-end turn or a server start with
      // real engines takes several times longer when both cores are taken.
      testTimeout: 120_000,
      hookTimeout: 180_000,
    },
  });
}
