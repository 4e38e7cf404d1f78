/**
 * The per-message privacy work, timed in the bench process (not under load): redaction (ADR 9),
 * AES-256-GCM seal + open of a message body (ADR 10) and an audit entry's keyed chain hash (ADR 12, 26).
 * Each is run for a fixed number of iterations after a warm-up, in several rounds; the median
 * round is reported as ns per operation.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { redactionCategories } from '@ward/protocol';
import { entryHash, type SequencedContent } from '../src/features/audit/audit-chain.rules.ts';
import { auditKeysFrom } from '../src/features/audit/audit-key.ts';
import { newDataKey } from '../src/features/crypto/keyring.ts';
import { openText, sealText } from '../src/features/crypto/envelope.ts';
import { redact } from '../src/features/redaction/redaction.rules.ts';

export type MicroResult = { name: string; detail: string; nsPerOp: number; iterations: number; perMessage: boolean };

/** What residents and advisers type: mostly plain, some with numbers that look like data and are not. */
export const plainMessages = [
  'Hello, my green bin was not collected on Tuesday. Could someone look into it?',
  'Yes, it is 14 Elm Road, AB12 3CD. The bin was out by 7am as usual.',
  'Thanks for waiting. I can see a missed collection reported on 12/03/2025 for that address.',
  'My council tax reference is 4001234567 and I paid £142.50 on the 1st.',
  'You can call us on 01632 960 123 between 9:00 and 17:00, Monday to Friday.',
  'I have raised case 4K7M-9P2X for you; the crew will return within 2 working days.',
  'ok thank you so much, that is really helpful',
];
/**
 * The same conversations when a resident types what they should not (every number is Luhn-valid, or a valid NI number).
 */
export const sensitiveMessages = [
  'Can I just pay the fine now? My card is 4111 1111 1111 1111 expiry 09/27 and the CVV is 123',
  'card number 5555555555554444 please take the £65',
  'The refund can go to sort code 20-00-00 account number 12345678, it is my bank account',
  'My national insurance number is JG 10 37 59 A if you need it for the benefit claim',
];

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** ns per op of `op(i)`: `warmup` untimed calls, then `rounds` timed rounds of `iterations`, median round. */
function time(op: (i: number) => number, iterations: number, warmup = Math.ceil(iterations / 5), rounds = 5): number {
  let sink = 0;
  for (let i = 0; i < warmup; i++) sink += op(i);
  const perRound: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const start = performance.now();
    for (let i = 0; i < iterations; i++) sink += op(i);
    perRound.push(((performance.now() - start) * 1e6) / iterations);
  }
  if (sink === -1) console.log(''); // keeps the results alive
  return median(perRound);
}

export function runMicrobenchmarks(): MicroResult[] {
  const all = redactionCategories;
  // A mix as a busy day might bring: 1 message in 10 carries a card number, bank details or an NI number.
  const mix = [
    ...plainMessages,
    ...plainMessages,
    ...plainMessages.slice(0, 2),
    sensitiveMessages[0]!,
    sensitiveMessages[1]!,
  ];
  const redactIterations = 100_000;
  const redactMix = time((i) => redact(mix[i % mix.length]!, all).text.length, redactIterations);
  const redactPlain = time((i) => redact(plainMessages[i % plainMessages.length]!, all).text.length, redactIterations);
  const redactSensitive = time(
    (i) => redact(sensitiveMessages[i % sensitiveMessages.length]!, all).text.length,
    redactIterations / 4,
  );

  const key = newDataKey();
  const conversation = randomUUID();
  const body = plainMessages[0]!;
  const cryptoIterations = 100_000;
  const sealOpen = time((i) => {
    const ad = `messages.body:${conversation}/${i}`;
    return openText(key, sealText(key, body, ad), ad).length;
  }, cryptoIterations);
  const sealOnly = time((i) => sealText(key, body, `messages.body:${conversation}/${i}`).length, cryptoIterations);

  const entry: SequencedContent = {
    seq: 1,
    format: 2,
    organisationId: randomUUID(),
    occurredAt: new Date(),
    actorKind: 'staff',
    actorId: randomUUID(),
    actorRole: 'agent',
    action: 'read',
    dataSubjectId: randomUUID(),
    recordType: 'conversation',
    recordId: conversation,
    caseReference: '4K7M-9P2X',
    fields: [
      'visitor_name',
      'visitor_email',
      'ip_address',
      'browser',
      'operating_system',
      'summary',
      'survey_comment',
      'messages.body',
    ],
    purpose: 'handle-chat',
    reason: null,
    source: '203.0.113.0/24',
  };
  let prev: Uint8Array = randomBytes(32);
  const { hashes } = auditKeysFrom(randomBytes(32));
  const auditIterations = 100_000;
  const audit = time(() => {
    prev = entryHash(hashes, prev, entry);
    return prev[0]!;
  }, auditIterations);

  return [
    {
      name: 'redact, mix',
      detail: `${mix.length - 2} plain + 2 with card numbers, all kinds on`,
      nsPerOp: redactMix,
      iterations: redactIterations,
      perMessage: true,
    },
    {
      name: 'redact, plain',
      detail: 'no data to remove',
      nsPerOp: redactPlain,
      iterations: redactIterations,
      perMessage: false,
    },
    {
      name: 'redact, sensitive',
      detail: 'card, bank details, NI number',
      nsPerOp: redactSensitive,
      iterations: redactIterations / 4,
      perMessage: false,
    },
    {
      name: 'seal + open',
      detail: `AES-256-GCM, ${Buffer.byteLength(body)}-byte body, data key`,
      nsPerOp: sealOpen,
      iterations: cryptoIterations,
      perMessage: true,
    },
    {
      name: 'seal only',
      detail: 'what a send does (open is for reads)',
      nsPerOp: sealOnly,
      iterations: cryptoIterations,
      perMessage: false,
    },
    {
      name: 'audit entry hash',
      detail: 'canonical form + HMAC-SHA-256 over prev hash',
      nsPerOp: audit,
      iterations: auditIterations,
      perMessage: true,
    },
  ];
}
