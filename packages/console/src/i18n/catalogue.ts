import type { Language } from '@ward/protocol';

/**
 * An area's texts in each language the console speaks (ADR 51): the same keys in both, held so
 * by test/catalogues.test.ts. Each area keeps its own, so a page loaded on demand brings only its own.
 */
export type Catalogue<Texts> = Readonly<Record<Language, Texts>>;
