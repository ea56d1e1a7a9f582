import { mergeConfig } from 'vitest/config';
import { workspaceProject } from '../vitest.shared.js';

export default mergeConfig(workspaceProject('lovelace-card'), {
  test: { globalSetup: ['./test/build-once.ts'] },
});
