import { describe, expect, it } from 'vitest';
import { IngestEvent } from '../../utils/contract/schemas';
import {
  buildScaleBase,
  busiestContactIndexes,
  engagementCounts,
  scaleContactEmail,
  scaleDatasets,
} from '../bench/scale-dataset';

const scale = { contacts: 2_000, engagements: 40_000, chunkSize: 5_000 };

describe('scale dataset generator', () => {
  it('spreads exactly the asked engagements with a heavy tail', () => {
    const counts = engagementCounts(scale);
    expect(counts.reduce((sum, n) => sum + n, 0)).toBe(scale.engagements);
    const sorted = Uint32Array.from(counts).sort();
    const median = sorted[sorted.length / 2] as number;
    const max = sorted[sorted.length - 1] as number;
    expect(sorted[0]).toBeGreaterThanOrEqual(1);
    expect(max).toBeGreaterThan(10 * median);
    const [busiest] = busiestContactIndexes(scale, 5);
    expect(counts[busiest as number]).toBe(max);
  });

  it('is deterministic, with unique emails and CRM ids on every contact', () => {
    const a = buildScaleBase(scale);
    const b = buildScaleBase(scale);
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(new Set(a.contacts.map((c) => c.email)).size).toBe(scale.contacts);
    expect(a.contacts[7]?.email).toBe(scaleContactEmail(7, scale.contacts));
    expect(a.contacts.every((c) => c.externalIds?.[0]?.system === 'salesforce')).toBe(true);
  });

  it('yields the base, then event chunks that add up, with valid events and unique ids', () => {
    const datasets = [...scaleDatasets(scale)];
    expect(datasets[0]?.contacts).toHaveLength(scale.contacts);
    const events = datasets.slice(1).flatMap((d) => d.events);
    expect(events).toHaveLength(scale.engagements);
    expect(new Set(events.map((e) => e.id)).size).toBe(scale.engagements);
    for (const event of events.slice(0, 500)) {
      expect(IngestEvent.safeParse(event).success).toBe(true);
    }
    expect(events.some((e) => e.type === 'highlight')).toBe(true);
  });
});
