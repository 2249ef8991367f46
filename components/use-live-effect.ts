import { useEffect, type DependencyList } from 'react';

/**
 * `useEffect` for effects that wait on an answer: `live()` turns false once the deps change
 * or the component unmounts, so a late answer is dropped instead of showing the wrong thing.
 * The effect may return a cleanup, as with `useEffect`.
 */
export function useLiveEffect(
  effect: (live: () => boolean) => void | (() => void),
  deps: DependencyList,
): void {
  useEffect(() => {
    let current = true;
    const cleanup = effect(() => current);
    return () => {
      current = false;
      cleanup?.();
    };
    // The caller's deps are checked where it calls (eslint additionalHooks).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
}
