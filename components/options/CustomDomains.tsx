import { useId, useState } from 'react';
import { CustomDomain, originPermission, type SiteSettings } from '../../utils/settings';
import type { SiteId } from '../../utils/sites/registry';
import { errorText } from '../../utils/contract/errors';
import { customDomainHostNeeds } from './host-access';
import { HostAccess } from './HostAccess';
import { requestOrigins } from './host-permission';
import { LockedNote } from './LockedNote';
import { SaveStatus } from './SaveStatus';
import { SITE_LABELS } from './site-labels';
import { TextField } from './TextField';
import { useGroupSave } from './use-group-save';

interface CustomDomainsProps {
  domains: SiteSettings['customDomains'];
  locked: boolean;
}

const ADAPTERS = Object.keys(SITE_LABELS) as SiteId[];

/**
 * Company hosts (a CRM on its own domain, a Salesforce My Domain): adding one asks for its
 * permission; the background registers the content script there, and unregisters it and
 * gives the permission back when it is removed.
 */
export function CustomDomains({ domains, locked }: CustomDomainsProps) {
  const adapterId = useId();
  const lockId = useId();
  const [origin, setOrigin] = useState('');
  const [adapter, setAdapter] = useState<SiteId>('generic');
  const [error, setError] = useState<string>();
  const { outcome, setOutcome, save } = useGroupSave('sites');

  const add = () => {
    const parsed = CustomDomain.safeParse({ origin, adapter });
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message);
      return;
    }
    const domain = parsed.data;
    if (domains.some((d) => d.origin === domain.origin)) {
      setError(`${domain.origin} is already in the list; remove it first to change its adapter.`);
      return;
    }
    setError(undefined);
    // In the click, before any await: the prompt needs the user's gesture.
    requestOrigins(originPermission(domain.origin).origins)
      .then(async (granted) => {
        if (!granted) {
          setOutcome({
            ok: false,
            text: `Not added: access to ${domain.origin} was refused. Add it again and allow it.`,
          });
          return;
        }
        const added = await save(
          (current) => ({
            ...current,
            customDomains: [
              ...current.customDomains.filter((d) => d.origin !== domain.origin),
              domain,
            ],
          }),
          { saved: `Added ${domain.origin}.`, failed: `Not added (${domain.origin})` },
        );
        // On failure the field keeps the origin, to fix or add again.
        if (added) setOrigin('');
      })
      .catch((e: unknown) =>
        setOutcome({
          ok: false,
          text: `Not added: the browser did not ask for access to ${domain.origin} (${errorText(e)}). Try again.`,
        }),
      );
  };

  const remove = (gone: string) =>
    void save(
      (current) => ({
        ...current,
        customDomains: current.customDomains.filter((d) => d.origin !== gone),
      }),
      { saved: `Removed ${gone}.`, failed: `Not removed (${gone})` },
    );

  return (
    <fieldset>
      <legend>Custom domains</legend>
      {locked && <LockedNote id={lockId} />}
      {domains.length === 0 ? (
        <p>No custom domains.</p>
      ) : (
        <ul className="item-list">
          {domains.map((domain) => (
            <li key={domain.origin}>
              <span>
                {domain.origin} — {SITE_LABELS[domain.adapter]}
              </span>
              <button
                type="button"
                disabled={locked}
                aria-describedby={locked ? lockId : undefined}
                aria-label={`Remove ${domain.origin}`}
                onClick={() => remove(domain.origin)}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <HostAccess needs={customDomainHostNeeds(domains)} />
      <div className="add-row">
        <TextField
          label="Origin"
          type="url"
          placeholder="https://crm.acme.example"
          value={origin}
          error={error}
          locked={locked}
          onChange={setOrigin}
        />
        <div className="field">
          <label htmlFor={adapterId}>Read it as</label>
          <select
            id={adapterId}
            value={adapter}
            disabled={locked}
            aria-describedby={locked ? lockId : undefined}
            onChange={(event) => setAdapter(event.target.value as SiteId)}
          >
            {ADAPTERS.map((id) => (
              <option key={id} value={id}>
                {SITE_LABELS[id]}
              </option>
            ))}
          </select>
        </div>
        <button type="button" onClick={add} disabled={locked}>
          Add domain
        </button>
      </div>
      <SaveStatus outcome={outcome} />
    </fieldset>
  );
}
