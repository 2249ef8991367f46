// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { watchDrafts } from './draft-watcher';

beforeEach(() => {
  vi.useFakeTimers();
  document.body.innerHTML = `
    <div class="AD"><div class="M9">
      <div id="body" role="textbox" contenteditable="true" aria-label="Message Body"></div>
    </div></div>
    <input id="search" aria-label="Search mail">`;
});
afterEach(() => {
  vi.useRealTimers();
});

function type(id: string, text: string) {
  const element = document.getElementById(id)!;
  if (element instanceof HTMLInputElement) element.value = text;
  else element.textContent = text;
  element.dispatchEvent(new Event('input', { bubbles: true }));
}

function setup(report = vi.fn()) {
  const stop = watchDrafts({ window, report, delayMs: 100, maxWaitMs: 500 });
  return { report, stop };
}

describe('watchDrafts', () => {
  it('reports the compose text once the rep pauses', () => {
    const { report, stop } = setup();
    type('body', 'Hi Dana,');
    type('body', 'Hi Dana, our platform');
    expect(report).not.toHaveBeenCalled();
    vi.advanceTimersByTime(100);
    expect(report).toHaveBeenCalledTimes(1);
    expect(report).toHaveBeenLastCalledWith('Hi Dana, our platform');
    stop();
  });

  it('reports at most every maxWait while the rep keeps typing', () => {
    const { report, stop } = setup();
    for (let i = 0; i < 20; i++) {
      type('body', `word `.repeat(i + 1));
      vi.advanceTimersByTime(60);
    }
    // 1,200 ms of typing with a 500 ms longest wait: two reads during it, one after.
    expect(report.mock.calls.length).toBe(2);
    vi.advanceTimersByTime(100);
    expect(report.mock.calls.length).toBe(3);
    stop();
  });

  it('ignores typing outside a compose body', () => {
    const { report, stop } = setup();
    type('search', 'rip and replace');
    vi.advanceTimersByTime(1000);
    expect(report).not.toHaveBeenCalled();
    stop();
  });

  it('does not report the same text twice, and reports a failed delivery again', async () => {
    const report = vi.fn().mockRejectedValueOnce(new Error('worker restarting'));
    const { stop } = setup(report);
    type('body', 'same text');
    vi.advanceTimersByTime(100);
    await Promise.resolve();
    await Promise.resolve();
    type('body', 'same text');
    vi.advanceTimersByTime(100);
    expect(report).toHaveBeenCalledTimes(2);
    report.mockResolvedValue(undefined);
    type('body', 'same text');
    vi.advanceTimersByTime(100);
    expect(report).toHaveBeenCalledTimes(2);
    stop();
  });

  it('reports an empty draft when the compose closes', () => {
    const { report, stop } = setup();
    type('body', 'Hello');
    vi.advanceTimersByTime(100);
    document.querySelector('.AD')!.remove();
    vi.advanceTimersByTime(2000);
    expect(report).toHaveBeenLastCalledWith('');
    stop();
  });

  it('reads an Outlook compose body, and not its recipients field', () => {
    document.body.innerHTML = `<div id="to" role="textbox" contenteditable="true" aria-label="To"></div>
      <div id="owa" role="textbox" contenteditable="true" aria-label="Message body"></div>`;
    const { report, stop } = setup();
    type('owa', 'Hi Dana, we run alongside your schedulers.');
    vi.advanceTimersByTime(100);
    expect(report).toHaveBeenLastCalledWith('Hi Dana, we run alongside your schedulers.');
    report.mockClear();
    type('to', 'dana@');
    vi.advanceTimersByTime(1000);
    expect(report).not.toHaveBeenCalled();
    stop();
  });

  it('stops listening when stopped', () => {
    const { report, stop } = setup();
    stop();
    type('body', 'after stop');
    vi.advanceTimersByTime(1000);
    expect(report).not.toHaveBeenCalled();
  });
});
