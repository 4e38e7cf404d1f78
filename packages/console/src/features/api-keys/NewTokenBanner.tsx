import type { CreatedApiKey } from '@ward/protocol';
import { OneTimeSecretBanner } from '../../ui/OneTimeSecretBanner.tsx';
import { useApiKeysTexts } from './texts.ts';

/** The token, shown this once: Ward keeps only its hash. */
export function NewTokenBanner({ created }: { created: CreatedApiKey }) {
  const texts = useApiKeysTexts();
  return (
    <OneTimeSecretBanner
      heading={texts.createdHeading(created.apiKey.name)}
      intro={texts.copyNow}
      id="new-api-key-token"
      label={texts.theApiKey}
      secret={created.token}
      noun={texts.noun}
    />
  );
}
