import { IdentitySettings, isLocked } from '../../utils/settings';
import { ListEditor } from './ListEditor';
import { SaveStatus } from './SaveStatus';
import type { SettingsView } from './settings-view';
import { useGroupSave } from './use-group-save';

const ITEM = IdentitySettings.shape;

type ListField = 'ownEmails' | 'internalDomains' | 'neverLookUp';

/** The plain lists, drawn alike (own addresses have their own editor above them). */
const LISTS: Array<{ key: ListField; title: string; addLabel: string; placeholder: string }> = [
  {
    key: 'internalDomains',
    title: 'Internal domains',
    addLabel: 'Add internal domain',
    placeholder: 'acme.example',
  },
  {
    key: 'neverLookUp',
    title: 'Never look up',
    addLabel: 'Add address or domain',
    placeholder: 'investor@fund.example or family.example',
  },
];

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
      {LISTS.map(({ key, title, addLabel, placeholder }) => (
        <ListEditor
          key={key}
          title={title}
          addLabel={addLabel}
          placeholder={placeholder}
          items={identity[key]}
          itemSchema={ITEM[key].element}
          locked={isLocked(view.locked, `identity.${key}`)}
          onSave={saveList(key)}
        />
      ))}
      <SaveStatus outcome={outcome} />
    </section>
  );
}
