import type { ReactNode } from 'react';
import { paths } from '../../route-match.ts';
import { lazyPage } from '../../ui/lazy-page.ts';

const CreateRecordPage = lazyPage(() => import('./CreateRecordPage.tsx').then((m) => m.CreateRecordPage));
const AddDetailPage = lazyPage(() => import('./DetailPages.tsx').then((m) => m.AddDetailPage));
const ChangeDetailPage = lazyPage(() => import('./DetailPages.tsx').then((m) => m.ChangeDetailPage));
const RemoveDetailPage = lazyPage(() => import('./DetailPages.tsx').then((m) => m.RemoveDetailPage));
const MergeRecordPage = lazyPage(() => import('./MergePages.tsx').then((m) => m.MergeRecordPage));
const UnmergeRecordPage = lazyPage(() => import('./MergePages.tsx').then((m) => m.UnmergeRecordPage));
const RecordPage = lazyPage(() => import('./RecordPage.tsx').then((m) => m.RecordPage));
const ResidentsPage = lazyPage(() => import('./ResidentsPage.tsx').then((m) => m.ResidentsPage));

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
