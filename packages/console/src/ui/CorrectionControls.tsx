import { useUiTexts } from './texts.ts';

/**
 * The end of every rectification form (a chat's details, a form's answer): whether the resident
 * asked for it (the audit trail's purpose), then Save and Cancel.
 */
export function CorrectionControls({
  id,
  rightsRequest,
  onRightsRequestChange,
  busy,
  onCancel,
}: {
  id: string;
  rightsRequest: boolean;
  onRightsRequestChange: (checked: boolean) => void;
  busy: boolean;
  onCancel: () => void;
}) {
  const texts = useUiTexts();
  return (
    <>
      <div className="govuk-form-group">
        <div className="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">
          <div className="govuk-checkboxes__item">
            <input
              className="govuk-checkboxes__input"
              id={id}
              name={id}
              type="checkbox"
              checked={rightsRequest}
              onChange={(event) => onRightsRequestChange(event.target.checked)}
            />
            <label className="govuk-label govuk-checkboxes__label" htmlFor={id}>
              {texts.correctionAskedFor}
            </label>
          </div>
        </div>
      </div>
      <div className="govuk-button-group">
        <button type="submit" className="govuk-button" data-module="govuk-button" aria-disabled={busy || undefined}>
          {texts.saveCorrection}
        </button>
        <button
          type="button"
          className="govuk-button govuk-button--secondary"
          data-module="govuk-button"
          onClick={onCancel}
        >
          {texts.cancel}
        </button>
      </div>
    </>
  );
}
