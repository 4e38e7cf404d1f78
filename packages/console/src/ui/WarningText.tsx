import { useUiTexts } from './texts.ts';

/** GOV.UK warning text: the "!" icon and a bold warning. */
export function WarningText({ children }: { children: string }) {
  return (
    <div className="govuk-warning-text">
      <span className="govuk-warning-text__icon" aria-hidden="true">
        !
      </span>
      <strong className="govuk-warning-text__text">
        <span className="govuk-visually-hidden">{useUiTexts().warning}</span>
        {children}
      </strong>
    </div>
  );
}
