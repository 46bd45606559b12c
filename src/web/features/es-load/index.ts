export { EsLoadDialog } from './es-load-dialog';
export type { EsLoadDialogProps } from './es-load-dialog';
