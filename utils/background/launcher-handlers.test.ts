import { describe, expect, it } from 'vitest';
import { emptyContext, type ContactContext } from '../backend-client/context-merge';
import { launcherSignal, withContext } from './launcher-handlers';

function context(overrides: Partial<ContactContext> = {}): ContactContext {
  return { ...emptyContext('dana@acme.example', 'ok'), ...overrides };
}

describe('the launcher summary', () => {
  it('counts highlights first, then the first score, then touches', () => {
    expect(launcherSignal(context({ highlights: [{ title: 'a' }, { title: 'b' }] }))).toBe(
      '2 highlights',
    );
    expect(launcherSignal(context({ highlights: [{ title: 'a' }] }))).toBe('1 highlight');
    expect(launcherSignal(context({ scores: [{ name: 'Lead score', value: 82 }] }))).toBe(
      'Lead score 82',
    );
    const engagement = { id: 'e1', type: 'email.open', occurredAt: '2026-01-01T00:00:00Z' };
    expect(
      launcherSignal(
        context({
          engagements: [{ ...engagement, backendId: 'b' }] as ContactContext['engagements'],
        }),
      ),
    ).toBe('1 touch');
    expect(launcherSignal(context())).toBeUndefined();
  });

  it('says "No match" when no backend knows the contact, nothing on a failure', () => {
    expect(launcherSignal(context({ state: 'not_found' }))).toBe('No match');
    expect(launcherSignal(context({ state: 'unreachable' }))).toBeUndefined();
  });

  it('takes the backend’s name and its initials, never more of the context', () => {
    const summary = withContext(
      { email: 'dana@acme.example', initials: 'D', name: 'dana' },
      context({
        contact: {
          id: 'c1',
          email: 'dana@acme.example',
          name: 'Dana Whitfield',
          updatedAt: '2026-01-01T00:00:00Z',
        },
        highlights: [{ title: 'Requested a demo' }],
      }),
    );
    expect(summary).toEqual({
      email: 'dana@acme.example',
      initials: 'DW',
      name: 'Dana Whitfield',
      signal: '1 highlight',
    });
  });

  it('keeps the page’s name when the lookup failed', () => {
    expect(
      withContext(
        { email: 'dana@acme.example', initials: 'DW', name: 'Dana Whitfield' },
        context({ state: 'timeout' }),
      ),
    ).toEqual({ email: 'dana@acme.example', initials: 'DW', name: 'Dana Whitfield' });
  });
});
