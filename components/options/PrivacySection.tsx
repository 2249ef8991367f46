import { isLocked, type PrivacySettings } from '../../utils/settings';
import { AuditLog } from './AuditLog';
import { clearCachedData } from './clear-cached-data';
import { someBackendOffers, type SuccessfulTests } from './connection-test';
import { errorText } from '../../utils/contract/errors';
import { SaveStatus } from './SaveStatus';
import type { SettingsView } from './settings-view';
import { Toggle } from './Toggle';
import { useGroupSave } from './use-group-save';

interface PrivacySectionProps {
  view: SettingsView;
  successes: SuccessfulTests;
}

/** What is sent, what is kept, and the record of lookups. */
export function PrivacySection({ view, successes }: PrivacySectionProps) {
  const privacy = view.values.privacy;
  const { outcome, setOutcome, save: saveGroup } = useGroupSave('privacy');
  const save = (change: Partial<PrivacySettings>) =>
    void saveGroup((current) => ({ ...current, ...change }));
  const locked = (field: keyof PrivacySettings) => isLocked(view.locked, `privacy.${field}`);

  const enabled = view.values.backends.backends.filter((b) => b.enabled);
  const hashedOffered = someBackendOffers(successes, enabled, 'emailSha256');
  // Turning it off is always possible; turning it on needs a backend that answers by hash.
  const hashedUnavailable = !privacy.hashedLookups && !hashedOffered && !locked('hashedLookups');

  const clearCache = () =>
    void clearCachedData().then(
      (count) =>
        setOutcome({
          ok: true,
          text: count === 0 ? 'There was no cached data.' : 'Cached data cleared.',
        }),
      (error: unknown) =>
        setOutcome({
          ok: false,
          text: `Not cleared: ${errorText(error)}. Try again; if it keeps failing, reload the extension.`,
        }),
    );

  return (
    <section aria-labelledby="privacy-heading">
      <h2 id="privacy-heading">Privacy</h2>
      <Toggle
        label="Hashed lookups (send a SHA-256 of the address, not the address)"
        checked={privacy.hashedLookups}
        locked={locked('hashedLookups')}
        disabled={hashedUnavailable}
        hint={
          hashedUnavailable
            ? 'Available once an enabled backend lists the emailSha256 feature: run "Test connection" on it above.'
            : undefined
        }
        onChange={(hashedLookups) => save({ hashedLookups })}
      />
      <Toggle
        label="Look up only when the sidebar is opened"
        checked={privacy.lookupOnlyWhenOpened}
        locked={locked('lookupOnlyWhenOpened')}
        onChange={(lookupOnlyWhenOpened) => save({ lookupOnlyWhenOpened })}
      />
      <Toggle
        label="Keep cached context after the browser closes"
        checked={privacy.persistCache}
        locked={locked('persistCache')}
        hint="Off: cached context lives only until the browser closes."
        onChange={(persistCache) => save({ persistCache })}
      />
      <div className="actions">
        <button type="button" onClick={clearCache}>
          Clear cached data
        </button>
      </div>
      <Toggle
        label="Keep an audit log of lookups (the last 500, in this browser)"
        checked={privacy.auditLog}
        locked={locked('auditLog')}
        onChange={(auditLog) => save({ auditLog })}
      />
      <SaveStatus outcome={outcome} />
      <AuditLog />
    </section>
  );
}
