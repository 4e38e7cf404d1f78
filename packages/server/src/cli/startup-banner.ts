/**
 * What Ward prints for a person starting it in a terminal: the addresses and the one-time
 * administrator link as plain lines, easy to read and to click. Logs stay JSON (for log
 * collectors); this is only written when standard output is a terminal.
 */
export function startupBanner(input: { publicUrl: string; adminLink: string | null; embeddedDataDir: string | null }) {
  const lines = [
    '',
    'Ward is running.',
    '',
    `  Demo council page   ${input.publicUrl}/`,
    `  Staff console       ${input.publicUrl}/console/`,
    `  OpenAPI document    ${input.publicUrl}/api/openapi.json`,
  ];
  if (input.embeddedDataDir) lines.push(`  Data folder         ${input.embeddedDataDir} (embedded PostgreSQL)`);
  if (input.adminLink) {
    lines.push(
      '',
      'Create the first administrator with this one-time link (valid for 7 days):',
      '',
      `  ${input.adminLink}`,
    );
  }
  lines.push('', 'Stop with Ctrl+C.', '');
  return lines.join('\n');
}
