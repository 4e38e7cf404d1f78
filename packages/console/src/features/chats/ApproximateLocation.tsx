import type { AgentConversation } from '@ward/protocol';
import { approximateLocationText } from './approximate-location.ts';
import { useChatsTexts, useChatWorkTexts } from './texts.ts';

/** The location, and the attribution DB-IP's licence (CC BY 4.0) asks of a page showing its results. */
export function ApproximateLocation({ location }: { location: AgentConversation['location'] }) {
  const says = useChatWorkTexts();
  const { notCollected } = useChatsTexts();
  const text = approximateLocationText(location, says);
  if (!text) return <>{notCollected}</>;
  return (
    <>
      {text}
      {location?.country ? (
        <span className="govuk-body-s govuk-!-display-block govuk-!-margin-bottom-0">
          <a className="govuk-link" href="https://db-ip.com" target="_blank" rel="noreferrer noopener">
            IP Geolocation by DB-IP<span className="govuk-visually-hidden">{says.opensInNewTab}</span>
          </a>
        </span>
      ) : null}
    </>
  );
}
