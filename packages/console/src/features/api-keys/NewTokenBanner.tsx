import type { CreatedApiKey } from '@ward/protocol';
import { OneTimeSecretBanner } from '../../ui/OneTimeSecretBanner.tsx';

/** The token, shown this once: Ward keeps only its hash. */
export function NewTokenBanner({ created }: { created: CreatedApiKey }) {
  return (
    <OneTimeSecretBanner
      heading={`API key “${created.apiKey.name}” created`}
      intro="Copy the key now and give it to the system that will use it."
      id="new-api-key-token"
      label="The API key"
      secret={created.token}
      noun="API key"
    />
  );
}
