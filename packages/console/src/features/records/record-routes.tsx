import type { ReactNode } from 'react';
import { paths } from '../../route-match.ts';
import { CreateRecordPage } from './CreateRecordPage.tsx';
import { AddDetailPage, ChangeDetailPage, RemoveDetailPage } from './DetailPages.tsx';
import { MergeRecordPage, UnmergeRecordPage } from './MergePages.tsx';
import { RecordPage } from './RecordPage.tsx';
import { ResidentsPage } from './ResidentsPage.tsx';

/** The records pages, for app.tsx's signed-in routes. "new" comes before ":recordId". */
export const recordRoutes: [string, { render: (params: Record<string, string>) => ReactNode }][] = [
  [paths.records, { render: () => <ResidentsPage /> }],
  [paths.newRecord, { render: () => <CreateRecordPage /> }],
  [paths.record, { render: (p) => <RecordPage key={p.recordId} recordId={p.recordId ?? ''} /> }],
  [paths.recordAddDetail, { render: (p) => <AddDetailPage key={p.recordId} recordId={p.recordId ?? ''} /> }],
  [
    paths.recordChangeDetail,
    { render: (p) => <ChangeDetailPage key={p.detailId} recordId={p.recordId ?? ''} detailId={p.detailId ?? ''} /> },
  ],
  [
    paths.recordRemoveDetail,
    { render: (p) => <RemoveDetailPage key={p.detailId} recordId={p.recordId ?? ''} detailId={p.detailId ?? ''} /> },
  ],
  [paths.recordMerge, { render: (p) => <MergeRecordPage key={p.recordId} recordId={p.recordId ?? ''} /> }],
  [paths.recordUnmerge, { render: (p) => <UnmergeRecordPage key={p.recordId} recordId={p.recordId ?? ''} /> }],
];
