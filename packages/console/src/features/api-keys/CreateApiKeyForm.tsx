import type { ApiKeyScope, CreatedApiKey } from '@ward/protocol';
import { ApiKeyScope as ApiKeyScopes } from '@ward/protocol';
import type { FormEvent } from 'react';
import { useEffect, useState } from 'react';
import { createApiKey } from '../../api/api-keys.ts';
import { messageOf } from '../../api/errors.ts';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { ErrorMessage, TextInput } from '../../ui/Field.tsx';
import type { FieldErrors } from '../../ui/validation.ts';
import type { ApiKeyField } from './validate-api-key.ts';
import { scopeDescriptions, validateApiKey } from './validate-api-key.ts';

const ids: Record<ApiKeyField, string> = { name: 'api-key-name', scopes: 'api-key-scopes' };

export function CreateApiKeyForm({
  onCreated,
  onErrorChange,
}: {
  onCreated: (created: CreatedApiKey) => void;
  onErrorChange: (hasErrors: boolean) => void;
}) {
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<ApiKeyScope[]>([]);
  const [errors, setErrors] = useState<FieldErrors<ApiKeyField>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const summary = [
    ...(formError ? [{ text: formError }] : []),
    ...(errors.name ? [{ fieldId: ids.name, text: errors.name }] : []),
    ...(errors.scopes ? [{ fieldId: ids.scopes, text: errors.scopes }] : []),
  ];
  const hasErrors = summary.length > 0;
  useEffect(() => onErrorChange(hasErrors), [hasErrors, onErrorChange]);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const check = validateApiKey(name, scopes);
    setErrors(check.errors);
    setFormError(null);
    setAttempt((value) => value + 1);
    if (!check.body) return;
    setBusy(true);
    try {
      const created = await createApiKey(check.body);
      setName('');
      setScopes([]);
      onCreated(created);
    } catch (error) {
      setFormError(messageOf(error));
      setAttempt((value) => value + 1);
    } finally {
      setBusy(false);
    }
  }

  const toggle = (scope: ApiKeyScope, on: boolean) =>
    setScopes((current) => (on ? [...current, scope] : current.filter((s) => s !== scope)));

  return (
    <>
      <ErrorSummary errors={summary} attempt={attempt} />
      <h2 className="govuk-heading-m" id="create-api-key-heading">
        Create an API key
      </h2>
      <form noValidate onSubmit={handleSubmit} aria-labelledby="create-api-key-heading">
        <TextInput
          id={ids.name}
          label="Name"
          labelClassName="govuk-label--s"
          hint="Say which system will use it, for example “Social media inbox”."
          autoComplete="off"
          value={name}
          onValueChange={setName}
          error={errors.name}
        />
        <div className={`govuk-form-group${errors.scopes ? ' govuk-form-group--error' : ''}`}>
          <fieldset
            className="govuk-fieldset"
            aria-describedby={`${ids.scopes}-hint${errors.scopes ? ` ${ids.scopes}-error` : ''}`}
          >
            <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">What may the key do?</legend>
            <div className="govuk-hint" id={`${ids.scopes}-hint`}>
              Select all that apply.
            </div>
            {errors.scopes ? <ErrorMessage id={`${ids.scopes}-error`}>{errors.scopes}</ErrorMessage> : null}
            <div className="govuk-checkboxes" data-module="govuk-checkboxes">
              {ApiKeyScopes.options.map((scope, index) => {
                const id = index === 0 ? ids.scopes : `${ids.scopes}-${scope}`;
                return (
                  <div className="govuk-checkboxes__item" key={scope}>
                    <input
                      className="govuk-checkboxes__input"
                      id={id}
                      name="scopes"
                      type="checkbox"
                      value={scope}
                      checked={scopes.includes(scope)}
                      onChange={(event) => toggle(scope, event.target.checked)}
                      aria-describedby={`${id}-item-hint`}
                    />
                    <label className="govuk-label govuk-checkboxes__label" htmlFor={id}>
                      {scopeDescriptions[scope].label}
                    </label>
                    <div className="govuk-hint govuk-checkboxes__hint" id={`${id}-item-hint`}>
                      {scopeDescriptions[scope].hint}
                    </div>
                  </div>
                );
              })}
            </div>
          </fieldset>
        </div>
        <button type="submit" className="govuk-button" data-module="govuk-button" aria-disabled={busy || undefined}>
          Create API key
        </button>
      </form>
    </>
  );
}
