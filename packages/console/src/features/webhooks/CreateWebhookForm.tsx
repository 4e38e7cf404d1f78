import type { CreatedWebhook, WebhookEvent } from '@ward/protocol';
import { webhookEvents } from '@ward/protocol';
import { useEffect, useState } from 'react';
import { createWebhook } from '../../api/webhooks.ts';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { ErrorMessage, TextInput } from '../../ui/Field.tsx';
import type { FormCheck } from '../../ui/form-submission.ts';
import { useFormSubmit } from '../../ui/use-form-submit.ts';
import type { WebhookField } from './validate-webhook.ts';
import { useWebhooksTexts } from './texts.ts';
import { validateWebhook } from './validate-webhook.ts';

const ids: Record<WebhookField, string> = {
  url: 'webhook-url',
  events: 'webhook-events',
  description: 'webhook-description',
};

export function CreateWebhookForm({
  onCreated,
  onErrorChange,
}: {
  onCreated: (created: CreatedWebhook) => void;
  onErrorChange: (hasErrors: boolean) => void;
}) {
  const texts = useWebhooksTexts();
  const [url, setUrl] = useState('');
  const [events, setEvents] = useState<WebhookEvent[]>([]);
  const [description, setDescription] = useState('');
  const { errors, summary, hasErrors, attempt, busy, submit } = useFormSubmit(ids, ['url', 'events', 'description']);
  useEffect(() => onErrorChange(hasErrors), [hasErrors, onErrorChange]);

  function check(): FormCheck<WebhookField> {
    const { errors: found, body } = validateWebhook(url, events, description, texts.errors);
    if (!body) return { errors: found };
    return {
      send: async () => {
        const created = await createWebhook(body);
        setUrl('');
        setEvents([]);
        setDescription('');
        onCreated(created);
      },
    };
  }

  const toggle = (event: WebhookEvent, on: boolean) =>
    setEvents((current) => (on ? [...current, event] : current.filter((e) => e !== event)));

  return (
    <>
      <ErrorSummary errors={summary} attempt={attempt} />
      <h2 className="govuk-heading-m" id="create-webhook-heading">
        {texts.addHeading}
      </h2>
      <form noValidate onSubmit={(event) => void submit(event, check)} aria-labelledby="create-webhook-heading">
        <TextInput
          id={ids.url}
          label={texts.urlLabel}
          labelClassName="govuk-label--s"
          hint={texts.urlHint}
          type="url"
          inputMode="url"
          autoComplete="off"
          spellCheck={false}
          value={url}
          onValueChange={setUrl}
          error={errors.url}
        />
        <div className={`govuk-form-group${errors.events ? ' govuk-form-group--error' : ''}`}>
          <fieldset
            className="govuk-fieldset"
            aria-describedby={`${ids.events}-hint${errors.events ? ` ${ids.events}-error` : ''}`}
          >
            <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{texts.whichEvents}</legend>
            <div className="govuk-hint" id={`${ids.events}-hint`}>
              {texts.eventsHint}
            </div>
            {errors.events ? <ErrorMessage id={`${ids.events}-error`}>{errors.events}</ErrorMessage> : null}
            <div className="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">
              {webhookEvents.map((event, index) => {
                const id = index === 0 ? ids.events : `${ids.events}-${event.replace('.', '-')}`;
                return (
                  <div className="govuk-checkboxes__item" key={event}>
                    <input
                      className="govuk-checkboxes__input"
                      id={id}
                      name="events"
                      type="checkbox"
                      value={event}
                      checked={events.includes(event)}
                      onChange={(change) => toggle(event, change.target.checked)}
                      aria-describedby={`${id}-item-hint`}
                    />
                    <label className="govuk-label govuk-checkboxes__label" htmlFor={id}>
                      {texts.eventDescriptions[event].label}
                    </label>
                    <div className="govuk-hint govuk-checkboxes__hint" id={`${id}-item-hint`}>
                      {texts.eventDescriptions[event].hint}
                    </div>
                  </div>
                );
              })}
            </div>
          </fieldset>
        </div>
        <TextInput
          id={ids.description}
          label={texts.descriptionLabel}
          labelClassName="govuk-label--s"
          hint={texts.descriptionHint}
          autoComplete="off"
          value={description}
          onValueChange={setDescription}
          error={errors.description}
        />
        <button type="submit" className="govuk-button" data-module="govuk-button" aria-disabled={busy || undefined}>
          {texts.add}
        </button>
      </form>
    </>
  );
}
