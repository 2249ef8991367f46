// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DetectedContact } from '../sites/types';
import { watchContacts } from './watcher';

const jane: DetectedContact = {
  email: 'jane@acme.example',
  role: 'sender',
  site: 'gmail',
  confidence: 1,
};
const raj: DetectedContact = {
  email: 'raj@globex.example',
  role: 'cc',
  site: 'gmail',
  confidence: 1,
};

let hidden = false;
beforeEach(() => {
  vi.useFakeTimers();
  hidden = false;
  Object.defineProperty(document, 'hidden', { configurable: true, get: () => hidden });
  document.body.innerHTML = '<div id="app"></div>';
});
afterEach(() => {
  vi.useRealTimers();
});

function setup(detected: () => DetectedContact[]) {
  const detect = vi.fn(detected);
  const report = vi.fn();
  const stop = watchContacts({ window, root: document.body, detect, report, delayMs: 100 });
  return { detect, report, stop };
}

async function mutate(times: number) {
  const app = document.getElementById('app')!;
  for (let i = 0; i < times; i++) app.appendChild(document.createElement('span'));
  await Promise.resolve(); // let MutationObserver callbacks run
}

describe('watchContacts', () => {
  it('detects once at start and reports the list', () => {
    const { detect, report, stop } = setup(() => [jane]);
    expect(detect).toHaveBeenCalledTimes(1);
    expect(report).toHaveBeenCalledWith(location.href, [jane]);
    stop();
  });

  it('coalesces a burst of mutations into one detection', async () => {
    const { detect, stop } = setup(() => [jane]);
    await mutate(500);
    await mutate(500);
    vi.advanceTimersByTime(150);
    expect(detect).toHaveBeenCalledTimes(2);
    stop();
  });

  it('waits for a quiet moment, but no longer than maxWait while the page keeps changing', async () => {
    const { detect, stop } = setup(() => [jane]);
    // A mutation every 50 ms for 2.5 s: never 100 ms of quiet.
    for (let t = 0; t < 2500; t += 50) {
      await mutate(5);
      vi.advanceTimersByTime(50);
    }
    // Start + one run per 1000 ms of continuous change (maxWaitMs default).
    expect(detect).toHaveBeenCalledTimes(3);
    vi.advanceTimersByTime(150);
    expect(detect).toHaveBeenCalledTimes(4);
    stop();
  });

  it('reports only when the list changes', async () => {
    let list = [jane];
    const { report, stop } = setup(() => list);
    await mutate(1);
    vi.advanceTimersByTime(150);
    expect(report).toHaveBeenCalledTimes(1);
    list = [jane, raj];
    await mutate(1);
    vi.advanceTimersByTime(150);
    expect(report).toHaveBeenCalledTimes(2);
    expect(report).toHaveBeenLastCalledWith(location.href, [jane, raj]);
    stop();
  });

  it('reports again when the URL changes even with the same list', () => {
    const { report, stop } = setup(() => [jane]);
    history.pushState({}, '', '#inbox/FMfcgzQXJWDsKmzPqLKGrxxSdWvNBqFk');
    window.dispatchEvent(new Event('popstate'));
    vi.advanceTimersByTime(150);
    expect(report).toHaveBeenCalledTimes(2);
    stop();
  });

  it('does nothing while hidden and catches up when shown', async () => {
    const { detect, stop } = setup(() => [jane]);
    hidden = true;
    await mutate(10);
    vi.advanceTimersByTime(150);
    expect(detect).toHaveBeenCalledTimes(1);
    hidden = false;
    document.dispatchEvent(new Event('visibilitychange'));
    vi.advanceTimersByTime(150);
    expect(detect).toHaveBeenCalledTimes(2);
    stop();
  });

  it('reports again when the page comes back from the back/forward cache', () => {
    const { report, stop } = setup(() => [jane]);
    window.dispatchEvent(Object.assign(new Event('pageshow'), { persisted: false }));
    vi.advanceTimersByTime(250);
    expect(report).toHaveBeenCalledTimes(1);
    window.dispatchEvent(Object.assign(new Event('pageshow'), { persisted: true }));
    vi.advanceTimersByTime(250);
    expect(report).toHaveBeenCalledTimes(2);
    stop();
  });

  it('reports again after a report that was not delivered', async () => {
    let fail = true;
    const report = vi.fn(() =>
      fail ? Promise.reject(new Error('worker restarting')) : Promise.resolve(),
    );
    const stop = watchContacts({
      window,
      root: document.body,
      detect: () => [jane],
      report,
      delayMs: 100,
    });
    await Promise.resolve();
    await Promise.resolve();
    fail = false;
    await mutate(1);
    vi.advanceTimersByTime(250);
    expect(report).toHaveBeenCalledTimes(2);
    // Delivered now: an unchanged list is not sent again.
    await Promise.resolve();
    await mutate(1);
    vi.advanceTimersByTime(250);
    expect(report).toHaveBeenCalledTimes(2);
    stop();
  });

  it('stops observing when stopped', async () => {
    const { detect, stop } = setup(() => [jane]);
    stop();
    await mutate(10);
    window.dispatchEvent(new Event('hashchange'));
    vi.advanceTimersByTime(500);
    expect(detect).toHaveBeenCalledTimes(1);
  });
});
