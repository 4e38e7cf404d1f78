import { m } from './i18n.ts';

/**
 * GOV.UK's "Exit this page" (ADR 31): a red button at the top of the chat that replaces the
 * council's page with a neutral one. A link in the markup (to the top window) so it still leaves
 * the page if the script fails; the app handles a click itself to end the chat and forget it first.
 */
export function ExitThisPage({ url, onExit }: { url: string; onExit: () => void }) {
  return (
    <div class="ward-exit">
      <a
        href={url}
        role="button"
        draggable={false}
        target="_top"
        rel="nofollow noreferrer"
        class="ward-button ward-button--warning ward-exit__button"
        onClick={(event) => {
          event.preventDefault();
          onExit();
        }}
        onKeyDown={(event) => {
          // A link styled as a button also answers Space, as GOV.UK's does.
          if (event.key === ' ') {
            event.preventDefault();
            onExit();
          }
        }}
      >
        <span class="ward-visually-hidden">{m.exitEmergency}</span> {m.exitThisPage}
      </a>
    </div>
  );
}
