/**
 * Detection time in Node on the largest page we expect: a 100-message Gmail thread with 300
 * participants (test/fixtures/gmail/large-thread.ts). Budget: median ≤ 2 ms per call.
 * Prints the median and p95 of `detectContacts` and of the Gmail adapter alone, plus the load
 * average (the machine may be shared; figures under load are upper bounds).
 */
import { cpus, loadavg } from 'node:os';
import { Window } from 'happy-dom';
import {
  LARGE_THREAD_OWN,
  LARGE_THREAD_URL,
  buildLargeGmailThread,
} from '../fixtures/gmail/large-thread';
import { detectContacts } from '../../utils/sites';
import { gmail } from '../../utils/sites/gmail';

const ITERATIONS = Number(process.argv[2] ?? 2000);
const WARMUP = 300;

const window = new Window({ url: LARGE_THREAD_URL });
window.document.write(buildLargeGmailThread());
const document = window.document as unknown as Document;
const url = new URL(LARGE_THREAD_URL);

function measure(label: string, run: () => number) {
  for (let i = 0; i < WARMUP; i++) run();
  const times: number[] = [];
  let found = 0;
  for (let i = 0; i < ITERATIONS; i++) {
    const start = performance.now();
    found = run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!;
  console.log(
    `${label}: median ${at(0.5).toFixed(3)} ms, p95 ${at(0.95).toFixed(3)} ms, min ${at(0).toFixed(3)} ms ` +
      `over ${ITERATIONS} calls (${found} contacts found; budget median ≤ 2 ms: ${at(0.5) <= 2 ? 'within' : 'OVER'})`,
  );
}

console.log(
  `large Gmail thread: ${document.querySelectorAll('*').length} elements; ${cpus().length} cores, ` +
    `load average ${loadavg()[0]!.toFixed(2)}, node ${process.version}`,
);
measure(
  'detectContacts',
  () => detectContacts(document, url, { ownEmails: [LARGE_THREAD_OWN] }).length,
);
measure('gmail.extract', () => gmail.extract(document, url).contacts.length);
await window.happyDOM.close();
