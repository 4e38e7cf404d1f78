import type { CreatedWebhook } from '@ward/protocol';
import { useState } from 'react';
import { NotificationBanner } from '../../ui/NotificationBanner.tsx';

/** The signing secret, shown this once. */
export function NewSecretBanner({ created }: { created: CreatedWebhook }) {
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  async function copy() {
    try {
      await navigator.clipboard.writeText(created.secret);
      setCopied('yes');
    } catch {
      setCopied('failed');
    }
  }
  return (
    <NotificationBanner success heading="Webhook added">
      <p className="govuk-body">
        Copy the signing secret now and give it to the receiving system, so it can check that each request came from
        Ward. <strong>You will not be able to see it again.</strong>
      </p>
      <div className="govuk-form-group">
        <label className="govuk-label govuk-label--s" htmlFor="new-webhook-secret">
          Signing secret
        </label>
        <div className="govuk-hint" id="new-webhook-secret-hint">
          Select it and copy it, or use the button.
        </div>
        <input
          id="new-webhook-secret"
          className="govuk-input ward-break-anywhere"
          type="text"
          readOnly
          value={created.secret}
          aria-describedby="new-webhook-secret-hint"
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
        Copy signing secret
      </button>
      <p className="govuk-body" role="status">
        {copied === 'yes'
          ? 'Copied to the clipboard.'
          : copied === 'failed'
            ? 'The secret could not be copied automatically: select it and copy it.'
            : ''}
      </p>
    </NotificationBanner>
  );
}
