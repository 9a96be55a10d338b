import { describe, expect, it } from 'vitest';
import { secondInstanceSteps, shouldContinueLaunch } from '../../../electron/main/single-instance';

const win = (state: { destroyed?: boolean; minimized?: boolean; visible?: boolean }) => ({
  isDestroyed: () => state.destroyed ?? false,
  isMinimized: () => state.minimized ?? false,
  isVisible: () => state.visible ?? true,
});

describe('single instance', () => {
  it('the second launch stops; the first continues', () => {
    expect(shouldContinueLaunch(false)).toBe(false);
    expect(shouldContinueLaunch(true)).toBe(true);
  });

  it('focuses a visible window', () => {
    expect(secondInstanceSteps(win({}))).toEqual(['focus']);
  });

  it('restores a minimised window, shows a hidden one, then focuses', () => {
    expect(secondInstanceSteps(win({ minimized: true }))).toEqual(['restore', 'focus']);
    expect(secondInstanceSteps(win({ visible: false }))).toEqual(['show', 'focus']);
  });

  it('does nothing without a live window', () => {
    expect(secondInstanceSteps(null)).toEqual([]);
    expect(secondInstanceSteps(win({ destroyed: true }))).toEqual([]);
  });
});
