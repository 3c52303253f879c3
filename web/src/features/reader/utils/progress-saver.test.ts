import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type Position, ProgressSaver, type SaveFn, flushWhenHidden } from './progress-saver';

const at = (n: number): Position => ({ position: `epubcfi(/6/${n})`, progress: n / 100 });

function setVisibility(state: DocumentVisibilityState) {
  Object.defineProperty(document, 'visibilityState', { value: state, configurable: true });
}

describe('ProgressSaver', () => {
  let save: ReturnType<typeof vi.fn<SaveFn>>;

  beforeEach(() => {
    vi.useFakeTimers();
    save = vi.fn<SaveFn>(() => Promise.resolve());
  });

  afterEach(() => {
    vi.useRealTimers();
    setVisibility('visible');
  });

  it('saves the first move at once and folds later moves into one save per interval', () => {
    const saver = new ProgressSaver(save, 5_000);

    saver.update(at(1));
    expect(save).toHaveBeenCalledTimes(1);
    expect(save).toHaveBeenLastCalledWith(at(1), { keepalive: false });

    vi.advanceTimersByTime(1_000);
    saver.update(at(2));
    vi.advanceTimersByTime(1_000);
    saver.update(at(3));
    saver.update(at(4));
    expect(save).toHaveBeenCalledTimes(1);

    vi.advanceTimersByTime(2_999);
    expect(save).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1);
    expect(save).toHaveBeenCalledTimes(2);
    expect(save).toHaveBeenLastCalledWith(at(4), { keepalive: false });

    // Quiet for a while: the next move goes out at once again.
    vi.advanceTimersByTime(10_000);
    saver.update(at(5));
    expect(save).toHaveBeenCalledTimes(3);
  });

  it('never sends more than one save per interval however fast the pages turn', () => {
    const saver = new ProgressSaver(save, 5_000);
    for (let n = 1; n <= 100; n++) {
      saver.update(at(n));
      vi.advanceTimersByTime(300); // 30 s of reading, a page every 0.3 s
    }
    expect(save.mock.calls.length).toBeLessThanOrEqual(7);
    vi.advanceTimersByTime(5_000);
    expect(save).toHaveBeenLastCalledWith(at(100), { keepalive: false });
  });

  it('does not resend a position it already saved', () => {
    const saver = new ProgressSaver(save, 5_000);
    saver.update(at(1));
    vi.advanceTimersByTime(6_000);
    saver.update(at(1));
    saver.flush();
    expect(save).toHaveBeenCalledTimes(1);
  });

  it('flush() sends the waiting position at once, with keepalive when asked', () => {
    const saver = new ProgressSaver(save, 5_000);
    saver.update(at(1));
    saver.update(at(2));
    expect(save).toHaveBeenCalledTimes(1);

    saver.flush({ keepalive: true });
    expect(save).toHaveBeenCalledTimes(2);
    expect(save).toHaveBeenLastCalledWith(at(2), { keepalive: true });

    vi.advanceTimersByTime(10_000);
    expect(save).toHaveBeenCalledTimes(2); // the trailing timer was cancelled
  });

  it('tries a failed save again after the interval', async () => {
    save.mockRejectedValueOnce(new Error('offline'));
    const saver = new ProgressSaver(save, 5_000);
    saver.update(at(1));
    await vi.advanceTimersByTimeAsync(0);
    expect(saver.hasPending).toBe(true);

    await vi.advanceTimersByTimeAsync(5_000);
    expect(save).toHaveBeenCalledTimes(2);
    expect(save).toHaveBeenLastCalledWith(at(1), { keepalive: false });
  });

  it('saves with keepalive when the page is hidden or unloaded', () => {
    const saver = new ProgressSaver(save, 5_000);
    const stop = flushWhenHidden(saver);
    saver.update(at(1));
    saver.update(at(2));

    setVisibility('hidden');
    document.dispatchEvent(new Event('visibilitychange'));
    expect(save).toHaveBeenCalledTimes(2);
    expect(save).toHaveBeenLastCalledWith(at(2), { keepalive: true });

    setVisibility('visible');
    vi.advanceTimersByTime(6_000);
    saver.update(at(3));
    saver.update(at(4));
    window.dispatchEvent(new Event('pagehide'));
    expect(save).toHaveBeenLastCalledWith(at(4), { keepalive: true });

    stop();
    saver.update(at(5));
    saver.update(at(6));
    window.dispatchEvent(new Event('pagehide'));
    expect(save).not.toHaveBeenLastCalledWith(at(6), { keepalive: true });
  });

  it('does nothing when the page becomes visible again', () => {
    const saver = new ProgressSaver(save, 5_000);
    const stop = flushWhenHidden(saver);
    saver.update(at(1));
    saver.update(at(2));
    setVisibility('visible');
    document.dispatchEvent(new Event('visibilitychange'));
    expect(save).toHaveBeenCalledTimes(1);
    stop();
  });
});
