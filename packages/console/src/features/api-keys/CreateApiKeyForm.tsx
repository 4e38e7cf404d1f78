import type { ApiKeyScope, CreatedApiKey } from '@ward/protocol';
import { apiKeyScopes } from '@ward/protocol';
import { useEffect, useState } from 'react';
import { createApiKey } from '../../api/api-keys.ts';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { ErrorMessage, Radios, TextInput } from '../../ui/Field.tsx';
import type { FormCheck } from '../../ui/form-submission.ts';
import { useFormSubmit } from '../../ui/use-form-submit.ts';
import type { ApiKeyField, KeyLifetime } from './validate-api-key.ts';
import { useApiKeysTexts } from './texts.ts';
import { keyLifetimes, validateApiKey } from './validate-api-key.ts';

const ids: Record<ApiKeyField, string> = { name: 'api-key-name', scopes: 'api-key-scopes' };

export function CreateApiKeyForm({
  onCreated,
  onErrorChange,
}: {
  onCreated: (created: CreatedApiKey) => void;
  onErrorChange: (hasErrors: boolean) => void;
}) {
  const texts = useApiKeysTexts();
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<ApiKeyScope[]>([]);
  const [lifetime, setLifetime] = useState<KeyLifetime>('365');
  const { errors, summary, hasErrors, attempt, busy, submit } = useFormSubmit(ids, ['name', 'scopes']);
  useEffect(() => onErrorChange(hasErrors), [hasErrors, onErrorChange]);

  function check(): FormCheck<ApiKeyField> {
    const { errors: found, body } = validateApiKey(name, scopes, lifetime, texts.errors);
    if (!body) return { errors: found };
    return {
      send: async () => {
        const created = await createApiKey(body);
        setName('');
        setScopes([]);
        setLifetime('365');
        onCreated(created);
      },
    };
  }

  const toggle = (scope: ApiKeyScope, on: boolean) =>
    setScopes((current) => (on ? [...current, scope] : current.filter((s) => s !== scope)));

  return (
    <>
      <ErrorSummary errors={summary} attempt={attempt} />
      <h2 className="govuk-heading-m" id="create-api-key-heading">
        {texts.createHeading}
      </h2>
      <form noValidate onSubmit={(event) => void submit(event, check)} aria-labelledby="create-api-key-heading">
        <TextInput
          id={ids.name}
          label={texts.name}
          labelClassName="govuk-label--s"
          hint={texts.nameHint}
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
            <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{texts.whatMayItDo}</legend>
            <div className="govuk-hint" id={`${ids.scopes}-hint`}>
              {texts.selectAll}
            </div>
            {errors.scopes ? <ErrorMessage id={`${ids.scopes}-error`}>{errors.scopes}</ErrorMessage> : null}
            <div className="govuk-checkboxes" data-module="govuk-checkboxes">
              {apiKeyScopes.map((scope, index) => {
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
                      {texts.scopes[scope].label}
                    </label>
                    <div className="govuk-hint govuk-checkboxes__hint" id={`${id}-item-hint`}>
                      {texts.scopes[scope].hint}
                    </div>
                  </div>
                );
              })}
            </div>
          </fieldset>
        </div>
        <Radios
          id="api-key-lifetime"
          legend={texts.howLong}
          hint={texts.howLongHint}
          items={keyLifetimes.map(({ value }) => ({ value, label: texts.lifetimes[value] }))}
          value={lifetime}
          onValueChange={setLifetime}
        />
        <button type="submit" className="govuk-button" data-module="govuk-button" aria-disabled={busy || undefined}>
          {texts.create}
        </button>
      </form>
    </>
  );
}
