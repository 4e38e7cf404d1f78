import type { CreatedApiKey } from '@ward/protocol';
import { useState } from 'react';
import { NotificationBanner } from '../../ui/NotificationBanner.tsx';

/** The token, shown this once: Ward keeps only its hash. */
export function NewTokenBanner({ created }: { created: CreatedApiKey }) {
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  async function copy() {
    try {
      await navigator.clipboard.writeText(created.token);
      setCopied('yes');
    } catch {
      setCopied('failed');
    }
  }
  return (
    <NotificationBanner success heading={`API key “${created.apiKey.name}” created`}>
      <p className="govuk-body">
        Copy the key now and give it to the system that will use it.{' '}
        <strong>You will not be able to see it again.</strong>
      </p>
      <div className="govuk-form-group">
        <label className="govuk-label govuk-label--s" htmlFor="new-api-key-token">
          The API key
        </label>
        <div className="govuk-hint" id="new-api-key-token-hint">
          Select it and copy it, or use the button.
        </div>
        <input
          id="new-api-key-token"
          className="govuk-input ward-break-anywhere"
          type="text"
          readOnly
          value={created.token}
          aria-describedby="new-api-key-token-hint"
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
        Copy API key
      </button>
      <p className="govuk-body" role="status">
        {copied === 'yes'
          ? 'Copied to the clipboard.'
          : copied === 'failed'
            ? 'The key could not be copied automatically: select it and copy it.'
            : ''}
      </p>
    </NotificationBanner>
  );
}
