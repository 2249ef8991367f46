import { useEffect, useState } from 'react';
import {
  loadSettingsView,
  watchSettingsView,
  type SettingsView,
} from '../../utils/settings/policy';

export type { SettingsView };

/**
 * The effective settings (the team policy applied) and the paths the policy locks, kept
 * current: a change saved here, in another tab, by an import or by a new policy shows at once.
 * `undefined` while loading.
 */
export function useSettingsView(): SettingsView | undefined {
  const [view, setView] = useState<SettingsView>();
  useEffect(() => {
    let live = true;
    void loadSettingsView().then((loaded) => live && setView(loaded));
    const unwatch = watchSettingsView((next) => live && setView(next));
    return () => {
      live = false;
      unwatch();
    };
  }, []);
  return view;
}
