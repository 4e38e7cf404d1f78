import type { CreatedWebhook } from '@ward/protocol';
import { OneTimeSecretBanner } from '../../ui/OneTimeSecretBanner.tsx';
import { useWebhooksTexts } from './texts.ts';

/** The signing secret, shown this once. */
export function NewSecretBanner({ created }: { created: CreatedWebhook }) {
  const texts = useWebhooksTexts();
  return (
    <OneTimeSecretBanner
      heading={texts.addedHeading}
      intro={texts.copySecret}
      id="new-webhook-secret"
      label={texts.signingSecret}
      secret={created.secret}
      noun={texts.secretNoun}
    />
  );
}
