import type { ReactNode } from 'react';
import { useState } from 'react';
import { NotificationBanner } from './NotificationBanner.tsx';
import { useUiTexts } from './texts.ts';

/**
 * A secret shown this once (an API key's token, a webhook's signing secret): Ward keeps only what
 * it needs to check it, so the person copies it now, by selecting it or with the button.
 */
export function OneTimeSecretBanner({
  heading,
  intro,
  id,
  label,
  secret,
  noun,
}: {
  heading: string;
  intro: ReactNode;
  /** The field's id. */
  id: string;
  /** The field's label, e.g. "The API key". */
  label: string;
  secret: string;
  /** What it is, in the button and messages: "API key", "signing secret". */
  noun: string;
}) {
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const texts = useUiTexts();
  async function copy() {
    try {
      await navigator.clipboard.writeText(secret);
      setCopied('yes');
    } catch {
      setCopied('failed');
    }
  }
  return (
    <NotificationBanner success heading={heading}>
      <p className="govuk-body">
        {intro} <strong>{texts.secretShownOnce}</strong>
      </p>
      <div className="govuk-form-group">
        <label className="govuk-label govuk-label--s" htmlFor={id}>
          {label}
        </label>
        <div className="govuk-hint" id={`${id}-hint`}>
          {texts.selectAndCopy}
        </div>
        <input
          id={id}
          className="govuk-input ward-break-anywhere"
          type="text"
          readOnly
          value={secret}
          aria-describedby={`${id}-hint`}
          spellCheck={false}
          autoComplete="off"
          onFocus={(event) => event.currentTarget.select()}
        />
      </div>
      <button
        type="button"
        className="govuk-button govuk-button--secondary govuk-!-margin-bottom-2"
        data-module="govuk-button"
        onClick={() => void copy()}
      >
        {texts.copySecret(noun)}
      </button>
      <p className="govuk-body" role="status">
        {copied === 'yes' ? texts.copied : copied === 'failed' ? texts.notCopied(noun) : ''}
      </p>
    </NotificationBanner>
  );
}
