import { ManualTimers, realTimers } from '../src';
import { resolveOptions } from '../src/options';

describe('ManualTimers', () => {
  it('fires a timer once it has been advanced by its delay in total, earliest first', () => {
    const timers = new ManualTimers();
    const fired: string[] = [];
    timers.setTimeout(() => fired.push('b'), 20);
    timers.setTimeout(() => fired.push('a'), 10);
    timers.setTimeout(() => fired.push('a2'), 10);
    expect(timers.advance(9)).toBe(0);
    expect(timers.advance(1)).toBe(2);
    expect(fired).toEqual(['a', 'a2']);
    expect(timers.pending).toBe(1);
    expect(timers.advance(100)).toBe(1);
    expect(fired).toEqual(['a', 'a2', 'b']);
    expect(timers.now).toBe(110);
  });

  it('fires timers set by a firing timer when they fall due within the same advance', () => {
    const timers = new ManualTimers();
    const at: number[] = [];
    timers.setTimeout(() => {
      at.push(timers.now);
      timers.setTimeout(() => at.push(timers.now), 5);
    }, 5);
    expect(timers.advance(10)).toBe(2);
    expect(at).toEqual([5, 10]);
  });

  it('clears a timer, and ignores unknown handles', () => {
    const timers = new ManualTimers();
    const id = timers.setTimeout(() => {
      throw new Error('cleared timers never fire');
    }, 1);
    timers.clearTimeout(id);
    timers.clearTimeout('nope');
    expect(timers.advance(10)).toBe(0);
  });

  it('whenPending resolves once enough timers wait', async () => {
    const timers = new ManualTimers();
    let ready = false;
    const waiting = timers.whenPending(2).then(() => (ready = true));
    timers.setTimeout(() => undefined, 1);
    await Promise.resolve();
    expect(ready).toBe(false);
    timers.setTimeout(() => undefined, 1);
    await waiting;
    expect(ready).toBe(true);
    await timers.whenPending(1);
  });

  it('is opt-in: the mock uses the global timers by default', () => {
    expect(resolveOptions().timers).toBe(realTimers);
    const timers = new ManualTimers();
    expect(resolveOptions({ timers }).timers).toBe(timers);
  });
});
