import { IdentitySettings, isLocked } from '../../utils/settings';
import { ListEditor } from './ListEditor';
import { SaveStatus } from './SaveStatus';
import type { SettingsView } from './settings-view';
import { useGroupSave } from './use-group-save';

const ITEM = IdentitySettings.shape;

type ListField = 'ownEmails' | 'internalDomains' | 'neverLookUp';

interface IdentitySectionProps {
  view: SettingsView;
  /** Addresses pages showed as signed in; read-only here. */
  detectedOwnEmails: string[];
}

/** Whom Touchpoint never looks up: the user, colleagues, and a never-look-up list. */
export function IdentitySection({ view, detectedOwnEmails }: IdentitySectionProps) {
  const identity = view.values.identity;
  const { outcome, save } = useGroupSave('identity');
  /** Changes one list, applied to the list as stored at that moment. */
  const saveList = (field: ListField) => (update: (current: string[]) => string[]) =>
    save((current) => ({ ...current, [field]: update(current[field]) }));
  const ownLocked = isLocked(view.locked, 'identity.ownEmails');
  const notListed = detectedOwnEmails.filter((email) => !identity.ownEmails.includes(email));

  return (
    <section aria-labelledby="identity-heading">
      <h2 id="identity-heading">Identity</h2>
      <p className="hint">
        Touchpoint never looks up these addresses and domains. Changes apply to open tabs at once.
      </p>
      <ListEditor
        title="My addresses"
        addLabel="Add my address"
        placeholder="jane@acme.example"
        items={identity.ownEmails}
        itemSchema={ITEM.ownEmails.element}
        locked={ownLocked}
        onSave={saveList('ownEmails')}
      />
      <fieldset>
        <legend>Addresses detected as yours</legend>
        {detectedOwnEmails.length === 0 ? (
          <p>None detected yet: they appear when a page shows who is signed in.</p>
        ) : (
          <ul className="item-list">
            {detectedOwnEmails.map((email) => (
              <li key={email}>
                <span>{email}</span>
                {notListed.includes(email) ? (
                  <button
                    type="button"
                    disabled={ownLocked}
                    aria-label={`Add ${email} to my addresses`}
                    onClick={() =>
                      void saveList('ownEmails')((current) =>
                        current.includes(email) ? current : [...current, email],
                      )
                    }
                  >
                    Add to my addresses
                  </button>
                ) : (
                  <span className="hint">in my addresses</span>
                )}
              </li>
            ))}
          </ul>
        )}
      </fieldset>
      <ListEditor
        title="Internal domains"
        addLabel="Add internal domain"
        placeholder="acme.example"
        items={identity.internalDomains}
        itemSchema={ITEM.internalDomains.element}
        locked={isLocked(view.locked, 'identity.internalDomains')}
        onSave={saveList('internalDomains')}
      />
      <ListEditor
        title="Never look up"
        addLabel="Add address or domain"
        placeholder="investor@fund.example or family.example"
        items={identity.neverLookUp}
        itemSchema={ITEM.neverLookUp.element}
        locked={isLocked(view.locked, 'identity.neverLookUp')}
        onSave={saveList('neverLookUp')}
      />
      <SaveStatus outcome={outcome} />
    </section>
  );
}
