import { useCallback, useState } from 'react';
import { updateSettingsGroup, type GroupValue, type SettingsGroup } from '../../utils/settings';
import { errorText } from '../../utils/contract/errors';
import type { SaveOutcome } from './SaveStatus';

/** What the status line says after a save; the failure text is followed by the reason. */
export interface SaveMessages {
  /** Default `Saved.` */
  saved?: string;
  /** Default `Not saved` (→ `Not saved: <what is wrong>`). */
  failed?: string;
}

/**
 * Saves changes to one settings group and reports the outcome for a `SaveStatus`. Each change
 * is a function of the group's value at the moment it is stored (`updateSettingsGroup`), not
 * of what this page last rendered, so quick changes in a row all land. `save` never rejects:
 * it resolves true when the change was stored.
 */
export function useGroupSave<G extends SettingsGroup>(group: G) {
  const [outcome, setOutcome] = useState<SaveOutcome>();
  const save = useCallback(
    (update: (current: GroupValue<G>) => GroupValue<G>, messages: SaveMessages = {}) =>
      updateSettingsGroup(group, update).then(
        () => {
          setOutcome({ ok: true, text: messages.saved ?? 'Saved.' });
          return true;
        },
        (error: unknown) => {
          setOutcome({
            ok: false,
            text: `${messages.failed ?? 'Not saved'}: ${errorText(error)}`,
          });
          return false;
        },
      ),
    [group],
  );
  return { outcome, setOutcome, save };
}
