import { describe, expect, it } from 'vitest';
import { appEnv, appNodeOptions } from './build';

describe('the app process', () => {
  it('gets its heap limit unless NODE_OPTIONS sets one, and two malloc arenas unless MALLOC_ARENA_MAX says', () => {
    expect(appNodeOptions('--enable-source-maps')).toBe('--enable-source-maps --max-old-space-size=512');
    expect(appNodeOptions('--max-old-space-size=2048')).toBe('--max-old-space-size=2048');
    const env = appEnv({ PORT: '3000' }, '--max-old-space-size=512');
    expect(env).toMatchObject({
      PORT: '3000',
      NODE_OPTIONS: '--max-old-space-size=512',
      MALLOC_ARENA_MAX: '2',
    });
    expect(appEnv({ MALLOC_ARENA_MAX: '8' }, '').MALLOC_ARENA_MAX).toBe('8');
  });
});
