import { useId } from 'react';
import type { DetectedContact } from '../../utils/sites/types';
import { ROLE_LABELS } from './format';

interface ContactSwitcherProps {
  contacts: DetectedContact[];
  selected: string;
  onSelect(email: string): void;
}

/** Every detected contact, primary first, each with why it was picked; shown for two or more. */
export function ContactSwitcher({ contacts, selected, onSelect }: ContactSwitcherProps) {
  const id = useId();
  if (contacts.length < 2) return null;
  return (
    <nav className="switcher" aria-label="Contacts on this page">
      <label htmlFor={id}>Contact ({contacts.length} on this page)</label>
      <select id={id} value={selected} onChange={(event) => onSelect(event.target.value)}>
        {contacts.map((contact, index) => (
          <option key={contact.email} value={contact.email}>
            {index === 0 ? 'Primary: ' : ''}
            {contact.name ? `${contact.name} <${contact.email}>` : contact.email} —{' '}
            {ROLE_LABELS[contact.role]}
          </option>
        ))}
      </select>
    </nav>
  );
}
