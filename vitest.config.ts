import path from 'node:path';
import { defineConfig } from 'vitest/config';

const root = import.meta.dirname;
// `server-only` throws outside React Server Components; in tests lib modules are imported directly.
const alias = { 'server-only': path.join(root, 'tests/fixtures/empty.ts'), '@': root };

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: { name: 'unit', include: ['lib/**/*.test.ts', 'scripts/**/*.test.ts'], environment: 'node' },
      },
      {
        resolve: { alias },
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          fileParallelism: false,
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
