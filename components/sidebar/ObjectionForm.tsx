import { useCallback, useId, useRef, useState, type FormEvent } from 'react';
import { MAX_FEEDBACK_TEXT } from '../../utils/contract/limits';
import type { CampaignMembership, Messaging } from '../../utils/contract/schemas';
import type { FeedbackDraft } from '../../utils/protocol/feedback-protocol';
import { FeedbackConfirmation } from './FeedbackConfirmation';
import { feedbackKey, useFeedback, type FeedbackChoice } from './use-feedback';

const numbers = new Intl.NumberFormat('en');

/** The select's value for a link: `m:<messaging id>`, `c:<campaign id>`, or '' for none. */
function linkOf(value: string): Pick<FeedbackDraft, 'messagingId' | 'campaignId'> {
  if (value.startsWith('m:')) return { messagingId: value.slice(2) };
  if (value.startsWith('c:')) return { campaignId: value.slice(2) };
  return {};
}

function valueOf(draft: FeedbackDraft): string {
  if (draft.messagingId) return `m:${draft.messagingId}`;
  if (draft.campaignId) return `c:${draft.campaignId}`;
  return '';
}

/**
 * "Log an objection": what the contact objected to, in the rep's words, optionally
 * linked to one of the contact's messaging entries or campaigns. Queued like the buttons,
 * with Undo; an undo gives the text back to edit.
 */
export function ObjectionForm({
  email,
  messaging,
  campaigns,
}: {
  email: string;
  messaging: Messaging[];
  campaigns: CampaignMembership[];
}) {
  const feedback = useFeedback();
  const id = useId();
  const [text, setText] = useState('');
  const [link, setLink] = useState('');
  const textarea = useRef<HTMLTextAreaElement>(null);
  const key = feedbackKey(email, 'objection');
  const phase = feedback.choices[key]?.phase;
  const saving = phase === 'saving' || phase === 'undoing';

  const restore = useCallback((choice: FeedbackChoice) => {
    setText(choice.draft.text ?? '');
    setLink(valueOf(choice.draft));
    textarea.current?.focus();
  }, []);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!text.trim() || saving) return;
    const draft: FeedbackDraft = { email, kind: 'objection', text, ...linkOf(link) };
    setText('');
    setLink('');
    void feedback.choose(key, draft).then((choice) => {
      // Not queued: the text comes back, so pressing again is the same press (same id).
      // (Unless the rep has started another one meanwhile.)
      if (choice?.phase === 'failed' && !textarea.current?.value) restore(choice);
    });
  };
  const focusText = useCallback(() => textarea.current, []);

  return (
    <section id="objection-section" aria-labelledby="objection-heading">
      <h3 id="objection-heading">Log an objection</h3>
      <form className="objection-form" onSubmit={submit}>
        <label htmlFor={`${id}-text`}>What did they object to?</label>
        <textarea
          id={`${id}-text`}
          ref={textarea}
          rows={3}
          required
          maxLength={MAX_FEEDBACK_TEXT}
          value={text}
          onChange={(event) => setText(event.target.value)}
          aria-describedby={`${id}-count`}
        />
        <p id={`${id}-count`} className="muted count">
          {numbers.format(text.length)} of {numbers.format(MAX_FEEDBACK_TEXT)} characters
        </p>
        {(messaging.length > 0 || campaigns.length > 0) && (
          <>
            <label htmlFor={`${id}-link`}>About (optional)</label>
            <select
              id={`${id}-link`}
              value={link}
              onChange={(event) => setLink(event.target.value)}
            >
              <option value="">Nothing in particular</option>
              {messaging.length > 0 && (
                <optgroup label="Messaging">
                  {messaging.map((item) => (
                    <option key={item.id} value={`m:${item.id}`}>
                      {item.theme}
                      {item.version === undefined ? '' : ` v${item.version}`}
                    </option>
                  ))}
                </optgroup>
              )}
              {campaigns.length > 0 && (
                <optgroup label="Campaigns">
                  {campaigns.map((campaign) => (
                    <option key={campaign.id} value={`c:${campaign.id}`}>
                      {campaign.name}
                    </option>
                  ))}
                </optgroup>
              )}
            </select>
          </>
        )}
        <div className="objection-actions">
          <button type="submit" className="primary small" aria-busy={saving}>
            Log objection
          </button>
          <FeedbackConfirmation
            choiceKey={key}
            about="the objection"
            onUndone={restore}
            fallbackFocus={focusText}
          />
        </div>
      </form>
    </section>
  );
}
