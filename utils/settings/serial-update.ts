/**
 * Read-modify-write of a storage item, one at a time: messages from several tabs (or
 * lookups finishing together) would otherwise each write over the other's change. Used by
 * the background and the settings store; pure apart from the item it is given.
 */

/** The part of a storage item (WXT's `defineItem`, or memory in tests) an update needs. */
export interface UpdatableItem<T> {
  getValue(): Promise<T>;
  setValue(value: T): Promise<void>;
}

/** Tasks run one after another; a failed task does not block the next. */
export interface Serial {
  run<R>(task: () => Promise<R>): Promise<R>;
  /** Settles once every task started so far has. */
  idle(): Promise<void>;
}

export function serial(): Serial {
  let tail: Promise<unknown> = Promise.resolve();
  return {
    run(task) {
      const next = tail.then(task, task);
      tail = next.catch(() => undefined);
      return next;
    },
    idle: () => tail.then(() => undefined),
  };
}

export interface SerialUpdates<T> extends Serial {
  /**
   * Reads the item, lets `change` edit it (in place, or by returning the new value; its
   * other return is the answer) and writes it back, after every update asked before.
   */
  update(change: (value: T) => T | void): Promise<void>;
}

export function serialUpdates<T>(item: UpdatableItem<T>): SerialUpdates<T> {
  const queue = serial();
  return {
    ...queue,
    update: (change) =>
      queue.run(async () => {
        const value = await item.getValue();
        await item.setValue(change(value) ?? value);
      }),
  };
}
