import { describe, expect, it } from 'vitest';
import { backendUrlProblem, isLoopbackHost } from './backend-url';

describe('backendUrlProblem', () => {
  it('accepts https anywhere and plain http on localhost and 127.0.0.1 only', () => {
    for (const url of [
      'https://ctx.acme.example',
      'https://127.0.0.2',
      'http://localhost:8787',
      'http://LOCALHOST/ctx',
      'http://127.0.0.1:8787/ctx/',
    ]) {
      expect(backendUrlProblem(url), url).toBeUndefined();
    }
  });

  it('refuses other loopback http, naming the hosts that work', () => {
    for (const url of ['http://127.0.0.2:8787', 'http://127.1.2.3', 'http://[::1]:8787']) {
      expect(backendUrlProblem(url), url).toMatch(
        /Use http:\/\/localhost or http:\/\/127\.0\.0\.1/,
      );
    }
    expect(backendUrlProblem('http://ctx.acme.example')).toMatch(/plain http: .*Use https/);
  });

  it('leaves isLoopbackHost as the server needs it', () => {
    expect(['127.0.0.2', '[::1]', 'localhost'].map(isLoopbackHost)).toEqual([true, true, true]);
  });
});
