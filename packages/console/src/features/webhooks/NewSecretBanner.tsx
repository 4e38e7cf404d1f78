import type { CreatedWebhook } from '@ward/protocol';
import { OneTimeSecretBanner } from '../../ui/OneTimeSecretBanner.tsx';

/** The signing secret, shown this once. */
export function NewSecretBanner({ created }: { created: CreatedWebhook }) {
  return (
    <OneTimeSecretBanner
      heading="Webhook added"
      intro="Copy the signing secret now and give it to the receiving system, so it can check that each request came from Ward."
      id="new-webhook-secret"
      label="Signing secret"
      secret={created.secret}
      noun="signing secret"
    />
  );
}
