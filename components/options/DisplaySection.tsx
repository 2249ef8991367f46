import { useId } from 'react';
import { isLocked, type DisplaySettings } from '../../utils/settings';
import { LockedNote } from './LockedNote';
import { SaveStatus } from './SaveStatus';
import type { SettingsView } from './settings-view';
import { Toggle } from './Toggle';
import { useGroupSave } from './use-group-save';

const MODES: { value: DisplaySettings['mode']; label: string }[] = [
  { value: 'inpage', label: 'In the page (a sidebar next to the site)' },
  { value: 'sidepanel', label: "In the browser's side panel" },
];

const POSITIONS: { value: DisplaySettings['launcherPosition']; label: string }[] = [
  { value: 'bottom-right', label: 'Bottom right' },
  { value: 'bottom-left', label: 'Bottom left' },
  { value: 'top-right', label: 'Top right' },
  { value: 'top-left', label: 'Top left' },
];

/** Where the sidebar shows and when it opens. */
export function DisplaySection({ view }: { view: SettingsView }) {
  const display = view.values.display;
  const id = useId();
  const { outcome, save: saveGroup } = useGroupSave('display');
  const save = (change: Partial<DisplaySettings>) =>
    void saveGroup((current) => ({ ...current, ...change }));
  const modeLocked = isLocked(view.locked, 'display.mode');
  const positionLocked = isLocked(view.locked, 'display.launcherPosition');

  return (
    <section aria-labelledby="display-heading">
      <h2 id="display-heading">Display</h2>
      <fieldset disabled={modeLocked} aria-describedby={modeLocked ? `${id}-mode-lock` : undefined}>
        <legend>Show the sidebar</legend>
        {modeLocked && <LockedNote id={`${id}-mode-lock`} />}
        {MODES.map((mode) => (
          <div className="field radio" key={mode.value}>
            <input
              type="radio"
              id={`${id}-${mode.value}`}
              name={`${id}-mode`}
              checked={display.mode === mode.value}
              onChange={() => save({ mode: mode.value })}
            />
            <label htmlFor={`${id}-${mode.value}`}>{mode.label}</label>
          </div>
        ))}
      </fieldset>
      <Toggle
        label="Open automatically when a contact is detected"
        hint="Off: it opens when you click the launcher."
        checked={display.autoOpen}
        locked={isLocked(view.locked, 'display.autoOpen')}
        onChange={(autoOpen) => save({ autoOpen })}
      />
      <div className="field">
        <label htmlFor={`${id}-position`}>Launcher position</label>
        <select
          id={`${id}-position`}
          value={display.launcherPosition}
          disabled={positionLocked}
          aria-describedby={positionLocked ? `${id}-position-lock` : undefined}
          onChange={(event) =>
            save({ launcherPosition: event.target.value as DisplaySettings['launcherPosition'] })
          }
        >
          {POSITIONS.map((position) => (
            <option key={position.value} value={position.value}>
              {position.label}
            </option>
          ))}
        </select>
        {positionLocked && <LockedNote id={`${id}-position-lock`} />}
      </div>
      <SaveStatus outcome={outcome} />
    </section>
  );
}
