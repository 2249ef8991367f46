import { isLocked } from '../../utils/settings';
import { CustomDomains } from './CustomDomains';
import { SaveStatus } from './SaveStatus';
import type { SettingsView } from './settings-view';
import { SITE_LABELS, SWITCHABLE_SITES } from './site-labels';
import { Toggle } from './Toggle';
import { useGroupSave } from './use-group-save';

/** Which sites Touchpoint reads; a switch applies at once, in open tabs too. */
export function SitesSection({ view }: { view: SettingsView }) {
  const sites = view.values.sites;
  const { outcome, save } = useGroupSave('sites');
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
              void save((current) => {
                const others = current.disabled.filter((s) => s !== site);
                return { ...current, disabled: on ? others : [...others, site] };
              })
            }
          />
        ))}
      </fieldset>
      <SaveStatus outcome={outcome} />
      <CustomDomains
        domains={sites.customDomains}
        locked={isLocked(view.locked, 'sites.customDomains')}
      />
    </section>
  );
}
