import { useState } from 'react';
import { loadSettingsView, watchSettingsView, type SettingsView } from '../../utils/settings';
import { errorText } from '../../utils/contract/errors';
import { useLiveEffect } from '../use-live-effect';

export type { SettingsView };

/** The view once loaded, or why it could not be read; neither while loading. */
export interface SettingsViewState {
  view?: SettingsView;
  error?: string;
}

/**
 * The effective settings (the team policy applied) and the paths the policy locks, kept
 * current: a change saved here, in another tab, by an import or by a new policy shows at once.
 */
export function useSettingsView(): SettingsViewState {
  const [state, setState] = useState<SettingsViewState>({});
  useLiveEffect((live) => {
    loadSettingsView().then(
      (view) => live() && setState({ view }),
      (error: unknown) =>
        live() &&
        setState({
          error: `The settings could not be read (${errorText(error)}). Reload this page; if that does not help, reload the extension.`,
        }),
    );
    // A later change brings a full view, which also clears a failed first read.
    const unwatch = watchSettingsView((view) => live() && setState({ view }));
    return () => {
      unwatch();
    };
  }, []);
  return state;
}
