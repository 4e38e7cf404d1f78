import type { CaseStatus } from '@ward/protocol';
import { Tag } from '../../ui/Tag.tsx';
import { statusColours } from './case-wording.ts';
import { useCaseWords } from './texts-words.ts';

export function CaseStatusTag({ status }: { status: CaseStatus }) {
  const words = useCaseWords();
  return <Tag colour={statusColours[status]}>{words.statuses[status]}</Tag>;
}
