import { useState } from 'react';
import type { AlertPreferences } from '../../realtime/alert-preferences.ts';
import { readAlertPreferences, writeAlertPreferences } from '../../realtime/alert-preferences.ts';

const blockedMessage =
  'Your browser blocks notifications from Ward. Allow them in the browser’s settings for this site, then try again.';
const unsupportedMessage = 'This browser cannot show desktop notifications.';

/**
 * The agent's choice of alerts for a new chat or a message not on screen, kept in this browser.
 * The browser asks for permission to notify only when the agent ticks the box.
 */
export function AlertSettings() {
  const [preferences, setPreferences] = useState(readAlertPreferences);
  const [problem, setProblem] = useState<string | null>(null);

  function save(next: AlertPreferences) {
    setPreferences(next);
    writeAlertPreferences(next);
  }

  async function changeDesktop(on: boolean) {
    setProblem(null);
    if (!on) return save({ ...preferences, desktop: false });
    if (typeof Notification === 'undefined') return setProblem(unsupportedMessage);
    const permission =
      Notification.permission === 'default' ? await Notification.requestPermission() : Notification.permission;
    if (permission !== 'granted') return setProblem(blockedMessage);
    save({ ...preferences, desktop: true });
  }

  return (
    <details className="govuk-details">
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text">Sounds and notifications</span>
      </summary>
      <div className="govuk-details__text">
        <div className={`govuk-form-group${problem ? ' govuk-form-group--error' : ''} govuk-!-margin-bottom-0`}>
          <fieldset className="govuk-fieldset" aria-describedby={problem ? 'alert-settings-error' : undefined}>
            <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">
              When a chat arrives or a resident writes in a chat you are not looking at
            </legend>
            {problem ? (
              <p className="govuk-error-message" id="alert-settings-error">
                <span className="govuk-visually-hidden">Error:</span> {problem}
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
                  Play a sound
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
                  Show a desktop notification
                </label>
                <div id="alert-desktop-hint" className="govuk-hint govuk-checkboxes__hint">
                  It says only “New chat waiting” or “New message in a chat”: no name, no message.
                </div>
              </div>
            </div>
          </fieldset>
        </div>
      </div>
    </details>
  );
}
