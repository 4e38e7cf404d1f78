import { readableTime } from './export-report.rules.ts';

/** The email that carries a resident's link to their export pack (ADR 34). */
export function exportLinkEmail(input: { organisation: string; link: string; expiresAt: Date; downloads: number }): {
  subject: string;
  text: string;
} {
  return {
    subject: `Your information from ${input.organisation}`,
    text: [
      'Hello,',
      '',
      `You asked ${input.organisation} for a copy of the information we hold about you. Download it here:`,
      '',
      input.link,
      '',
      `The link works until ${readableTime(input.expiresAt.toISOString())} and for ${input.downloads} download${input.downloads === 1 ? '' : 's'}.`,
      'The file is a ZIP: open report.html (or report.pdf) to read it; data.json and the CSV files are for other software.',
      '',
      'If you did not ask for this, please tell us by replying to this email.',
      '',
      input.organisation,
    ].join('\n'),
  };
}

/** The page a link shows once it no longer works (410) or never did (404): no script, one heading. */
export function linkProblemPage(kind: 'gone' | 'unknown', organisation: string): string {
  const [title, text] =
    kind === 'gone'
      ? [
          'This download link has expired',
          'The link has passed its expiry date or has been used as many times as it allows, and the file was deleted. Contact us and we will send you a new link.',
        ]
      : [
          'This download link is not valid',
          'Check that you copied the whole link from the email, or contact us for a new one.',
        ];
  const esc = (s: string) => s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
  return `<!DOCTYPE html>
<html lang="en-GB">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title} – ${esc(organisation)}</title>
<style>body{font-family:Arial,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#0b0c0c}</style></head>
<body><main><h1>${title}</h1><p>${text}</p><p>${esc(organisation)}</p></main></body>
</html>
`;
}
