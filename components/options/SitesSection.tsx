import { useState } from 'react';
import type { SiteSettings } from '../../utils/settings';
import { CustomDomains } from './CustomDomains';
import { isLocked } from '../../utils/settings/policy';
import { SaveStatus, type SaveOutcome } from './SaveStatus';
import { saveSettingsGroup } from '../../utils/settings/policy';
import type { SettingsView } from './settings-view';
import { SITE_LABELS, SWITCHABLE_SITES } from './site-labels';
import { Toggle } from './Toggle';

/** Which sites Touchpoint reads; a switch applies at once, in open tabs too. */
export function SitesSection({ view }: { view: SettingsView }) {
  const sites = view.values.sites;
  const [outcome, setOutcome] = useState<SaveOutcome>();
  const save = (next: SiteSettings) =>
    saveSettingsGroup('sites', next).then(
      () => setOutcome({ ok: true, text: 'Saved.' }),
      (error: unknown) => setOutcome({ ok: false, text: `Not saved: ${String(error)}` }),
    );
  const switchLocked = isLocked(view.locked, 'sites.disabled');

  return (
    <section aria-labelledby="sites-heading">
      <h2 id="sites-heading">Sites</h2>
      <fieldset>
        <legend>Read contacts on</legend>
        {SWITCHABLE_SITES.map((site) => (
          <Toggle
            key={site}
            label={SITE_LABELS[site]}
            checked={!sites.disabled.includes(site)}
            locked={switchLocked}
            onChange={(on) =>
              void save({
                ...sites,
                disabled: on ? sites.disabled.filter((s) => s !== site) : [...sites.disabled, site],
              })
            }
          />
        ))}
      </fieldset>
      <SaveStatus outcome={outcome} />
      <CustomDomains
        domains={sites.customDomains}
        locked={isLocked(view.locked, 'sites.customDomains')}
        onSave={(customDomains) => save({ ...sites, customDomains })}
      />
    </section>
  );
}
