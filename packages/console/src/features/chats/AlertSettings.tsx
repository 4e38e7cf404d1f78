import { useState } from 'react';
import type { AlertPreferences } from '../../realtime/alert-preferences.ts';
import { readAlertPreferences, writeAlertPreferences } from '../../realtime/alert-preferences.ts';
import { useAnnouncementTexts } from '../../realtime/use-announcement-texts.ts';
import { useShellTexts } from '../../i18n/shell.ts';
import { useChatsTexts } from './texts.ts';

/**
 * The agent's choice of alerts for a new chat or a message not on screen, kept in this browser.
 * The browser asks for permission to notify only when the agent ticks the box.
 */
export function AlertSettings() {
  const [preferences, setPreferences] = useState(readAlertPreferences);
  const [problem, setProblem] = useState<string | null>(null);
  const texts = useChatsTexts();
  const { alerts } = useAnnouncementTexts();
  const { errorPrefix } = useShellTexts();

  function save(next: AlertPreferences) {
    setPreferences(next);
    writeAlertPreferences(next);
  }

  async function changeDesktop(on: boolean) {
    setProblem(null);
    if (!on) return save({ ...preferences, desktop: false });
    if (typeof Notification === 'undefined') return setProblem(texts.notificationsUnsupported);
    const permission =
      Notification.permission === 'default' ? await Notification.requestPermission() : Notification.permission;
    if (permission !== 'granted') return setProblem(texts.notificationsBlocked);
    save({ ...preferences, desktop: true });
  }

  return (
    <details className="govuk-details">
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text">{texts.alertsSummary}</span>
      </summary>
      <div className="govuk-details__text">
        <div className={`govuk-form-group${problem ? ' govuk-form-group--error' : ''} govuk-!-margin-bottom-0`}>
          <fieldset className="govuk-fieldset" aria-describedby={problem ? 'alert-settings-error' : undefined}>
            <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{texts.alertsLegend}</legend>
            {problem ? (
              <p className="govuk-error-message" id="alert-settings-error">
                <span className="govuk-visually-hidden">{errorPrefix}</span> {problem}
              </p>
            ) : null}
            <div className="govuk-checkboxes govuk-checkboxes--small">
              <div className="govuk-checkboxes__item">
                <input
                  className="govuk-checkboxes__input"
                  id="alert-sound"
                  type="checkbox"
                  checked={preferences.sound}
                  onChange={(event) => save({ ...preferences, sound: event.target.checked })}
                />
                <label className="govuk-label govuk-checkboxes__label" htmlFor="alert-sound">
                  {texts.playSound}
                </label>
              </div>
              <div className="govuk-checkboxes__item">
                <input
                  className="govuk-checkboxes__input"
                  id="alert-desktop"
                  type="checkbox"
                  aria-describedby="alert-desktop-hint"
                  checked={preferences.desktop}
                  onChange={(event) => void changeDesktop(event.target.checked)}
                />
                <label className="govuk-label govuk-checkboxes__label" htmlFor="alert-desktop">
                  {texts.desktopNotification}
                </label>
                <div id="alert-desktop-hint" className="govuk-hint govuk-checkboxes__hint">
                  {texts.desktopHint(alerts['new-chat'], alerts['new-message'])}
                </div>
              </div>
            </div>
          </fieldset>
        </div>
      </div>
    </details>
  );
}
