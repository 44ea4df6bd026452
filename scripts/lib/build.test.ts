import { describe, expect, it } from 'vitest';
import { appEnv, appNodeOptions } from './build';

describe('the app process', () => {
  it('gets its heap limit unless NODE_OPTIONS sets one, its young generation and the malloc settings unless the environment says', () => {
    expect(appNodeOptions('--enable-source-maps')).toBe(
      '--enable-source-maps --max-old-space-size=512 --max-semi-space-size=8',
    );
    expect(appNodeOptions('--max-old-space-size=2048')).toBe(
      '--max-old-space-size=2048 --max-semi-space-size=8',
    );
    expect(appNodeOptions('--max-semi-space-size=16 --max-old-space-size=2048')).toBe(
      '--max-semi-space-size=16 --max-old-space-size=2048',
    );
    const env = appEnv({ PORT: '3000' }, '--max-old-space-size=512');
    expect(env).toMatchObject({
      PORT: '3000',
      NODE_OPTIONS: '--max-old-space-size=512',
      MALLOC_ARENA_MAX: '2',
      MALLOC_TRIM_THRESHOLD_: '131072',
      MALLOC_MMAP_THRESHOLD_: '131072',
    });
    const own = appEnv(
      { MALLOC_ARENA_MAX: '8', MALLOC_TRIM_THRESHOLD_: '0', MALLOC_MMAP_THRESHOLD_: '65536' },
      '',
    );
    expect(own).toMatchObject({
      MALLOC_ARENA_MAX: '8',
      MALLOC_TRIM_THRESHOLD_: '0',
      MALLOC_MMAP_THRESHOLD_: '65536',
    });
  });
});
