import type { OutboxTexts } from './texts-en.ts';

/** Y blwch anfon yn Gymraeg (ADR 51), yn yr arddull ffurfiol a ddefnyddir gan gynghorau. */
export const outboxCy: OutboxTexts = {
  title: 'Blwch anfon',
  explained:
    'Pan nad oes gweinydd e-bost wedi’i osod, mae Ward yn ysgrifennu negeseuon e-bost i’w ffolder blwch anfon yn lle eu hanfon. Maen nhw wedi’u rhestru yma, y mwyaf diweddar yn gyntaf.',
  loading: 'Yn llwytho’r blwch anfon…',
  empty: 'Mae’r blwch anfon yn wag.',
  caption: (count) => `Negeseuon e-bost yn y blwch anfon (${count})`,
  regionLabel: 'Negeseuon e-bost yn y blwch anfon',
  to: 'At',
  subject: 'Pwnc',
  showText: 'Dangos y testun',
  ofSubject: (subject) => ` “${subject}”`,
  created: 'Crëwyd',
};
