// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { DetectedContact } from '../sites/types';
import { startContentScript } from './start';

const messaging = vi.hoisted(() => ({
  sendMessage: vi.fn(),
  onMessage: vi.fn(() => () => {}),
}));
vi.mock('../protocol/content-to-background', () => ({
  contentToBackground: { sendMessage: messaging.sendMessage },
}));
vi.mock('../protocol/background-to-content', () => ({
  backgroundToContent: { onMessage: messaging.onMessage },
}));

let contacts: DetectedContact[] = [];
vi.mock('../sites/detect', () => ({
  detectPage: () => ({ contacts, ownEmails: [] }),
}));

const contact = (email: string): DetectedContact => ({
  email,
  role: 'sender',
  site: 'gmail',
  confidence: 1,
});

let invalid = false;
const ctx = {
  get isInvalid() {
    return invalid;
  },
  onInvalidated: vi.fn(),
} as unknown as ContentScriptContext;

/** Reports sent so far, by the first contact's address. */
function reported(): string[] {
  return messaging.sendMessage.mock.calls
    .filter(([type]) => type === 'contactsDetected')
    .map(([, data]) => (data as { contacts: DetectedContact[] }).contacts[0]?.email ?? '');
}

async function changePage(next: DetectedContact[]) {
  contacts = next;
  document.body.appendChild(document.createElement('span'));
  await Promise.resolve(); // MutationObserver callbacks
  vi.advanceTimersByTime(1000);
  await Promise.resolve();
}

beforeEach(() => {
  vi.useFakeTimers();
  invalid = false;
  contacts = [contact('jane@acme.example')];
  document.body.innerHTML = '<div id="app"></div>';
  messaging.sendMessage.mockReset();
});
afterEach(() => vi.useRealTimers());

async function start(contactsDetected: (call: number) => Promise<void>) {
  let call = 0;
  messaging.sendMessage.mockImplementation(async (type: string) => {
    if (type === 'getDetectionSettings') {
      return { ownEmails: [], internalDomains: [], disabledSites: [] };
    }
    return contactsDetected(call++);
  });
  await startContentScript(ctx, window, []);
  await Promise.resolve();
}

describe('startContentScript', () => {
  it('keeps detecting after the background fails to handle a report', async () => {
    await start(async (call) => {
      if (call === 0) throw new Error('QUOTA_BYTES quota exceeded');
    });
    await vi.advanceTimersByTimeAsync(0);
    await changePage([contact('raj@globex.example')]);
    expect(reported()).toEqual(['jane@acme.example', 'raj@globex.example']);
  });

  it('stops when the extension context is gone', async () => {
    await start(async () => {
      invalid = true;
      throw new Error('Extension context invalidated.');
    });
    await vi.advanceTimersByTimeAsync(0);
    await changePage([contact('raj@globex.example')]);
    expect(reported()).toEqual(['jane@acme.example']);
  });
});
