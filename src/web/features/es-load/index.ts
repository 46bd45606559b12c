export { EsLoadDialog } from './es-load-dialog';
export type { EsLoadDialogProps } from './es-load-dialog';
export { EsNextWindowDialog } from './es-next-window';
export type { EsNextWindowDialogProps, EsRangeSource } from './es-next-window';
