import type { Language } from '@ward/protocol';
import { fill, localeOf, textsIn } from '../../shared/resident-texts/resident-texts.ts';

/** The email that carries a resident's link to their export pack (ADR 34), in English or Welsh (ADR 50). */
export function exportLinkEmail(input: {
  organisation: string;
  link: string;
  expiresAt: Date;
  downloads: number;
  language?: Language;
}): {
  subject: string;
  text: string;
} {
  const language = input.language ?? 'en';
  const says = textsIn(language).exportLink;
  const time = input.expiresAt.toLocaleString(localeOf(language), {
    timeZone: 'Europe/London',
    dateStyle: 'long',
    timeStyle: 'short',
  });
  const downloads = input.downloads === 1 ? says.download : fill(says.downloads, { count: input.downloads });
  return {
    subject: fill(says.subject, { council: input.organisation }),
    text: [
      says.hello,
      '',
      fill(says.youAsked, { council: input.organisation }),
      '',
      input.link,
      '',
      fill(says.worksUntil, { time, downloads }),
      says.howToOpen,
      '',
      says.notYou,
      '',
      input.organisation,
    ].join('\n'),
  };
}

/** The page a link shows once it no longer works (410) or never did (404): no script, one heading. */
export function linkProblemPage(kind: 'gone' | 'unknown', organisation: string, language: Language = 'en'): string {
  const says = textsIn(language).exportLink;
  const [title, text] = kind === 'gone' ? [says.goneTitle, says.gone] : [says.unknownTitle, says.unknown];
  const esc = (s: string) => s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
  return `<!DOCTYPE html>
<html lang="${language === 'cy' ? 'cy' : 'en-GB'}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${esc(title)} – ${esc(organisation)}</title>
<style>body{font-family:Arial,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#0b0c0c}</style></head>
<body><main><h1>${esc(title)}</h1><p>${esc(text)}</p><p>${esc(organisation)}</p></main></body>
</html>
`;
}
