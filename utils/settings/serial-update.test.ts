import { describe, expect, it } from 'vitest';
import { serial, serialUpdates } from './serial-update';

describe('serialUpdates', () => {
  it('loses no change when updates overlap, and a failed one does not block the next', async () => {
    let stored: number[] = [];
    const item = {
      getValue: async () => [...stored],
      setValue: async (value: number[]) => {
        await new Promise((resolve) => setTimeout(resolve, 1));
        stored = value;
      },
    };
    const updates = serialUpdates(item);
    const failing = updates.update(() => {
      throw new Error('no');
    });
    await Promise.all([
      ...Array.from({ length: 10 }, (_, i) => updates.update((all) => void all.push(i))),
      failing.catch(() => undefined),
    ]);
    await expect(failing).rejects.toThrow('no');
    await updates.idle();
    expect(stored).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('runs tasks in order and answers each one', async () => {
    const queue = serial();
    const order: number[] = [];
    const answers = await Promise.all(
      [3, 1, 2].map((ms) =>
        queue.run(async () => {
          await new Promise((resolve) => setTimeout(resolve, ms));
          order.push(ms);
          return ms * 10;
        }),
      ),
    );
    expect(order).toEqual([3, 1, 2]);
    expect(answers).toEqual([30, 10, 20]);
  });
});
