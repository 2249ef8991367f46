import { readFileSync } from 'node:fs';
import { Window } from 'happy-dom';
import { afterEach, describe, expect, it } from 'vitest';
import { detectContacts } from './index';
import { pipedrive } from './pipedrive';

const windows: Window[] = [];
afterEach(async () => {
  await Promise.all(windows.splice(0).map((window) => window.happyDOM.close()));
});

function load(file: string, url: string): Document {
  const window = new Window({ url, settings: { disableJavaScriptEvaluation: true } });
  windows.push(window);
  window.document.write(readFileSync(`test/fixtures/pipedrive/${file}`, 'utf8'));
  return window.document as unknown as Document;
}

describe('pipedrive person pages', () => {
  it("reads the person's email list, the first as primary, not the nav, feed or footer", () => {
    const url = 'https://acme.pipedrive.com/person/42';
    expect(detectContacts(load('person.html', url), url)).toEqual([
      {
        email: 'tomas.novak@client.example',
        name: 'Tomás Novak',
        role: 'record',
        site: 'pipedrive',
        confidence: 0.9,
      },
      { email: 'tomas@home.example', role: 'record', site: 'pipedrive', confidence: 0.9 },
    ]);
  });

  it('without the field hook, takes the first address outside the chrome', () => {
    const url = 'https://acme.pipedrive.com/person/77';
    expect(detectContacts(load('person-no-field-hook.html', url), url)).toEqual([
      {
        email: 'priya.raman@client.example',
        name: 'Priya Raman',
        role: 'record',
        site: 'pipedrive',
        confidence: 0.6,
      },
    ]);
  });

  it('gives nothing on deals, organisations, lists and the marketing site', () => {
    for (const url of pipedrive.testUrls.reject ?? []) {
      expect(detectContacts(load('person.html', url), url), url).toEqual([]);
    }
    expect(pipedrive.matches(new URL('https://www.pipedrive.com/person/42'))).toBe(false);
  });
});
