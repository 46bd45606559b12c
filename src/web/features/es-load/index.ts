import './es-load.css';
export { EsLoadDialog } from './es-load-dialog';
export type { EsLoadDialogProps } from './es-load-dialog';
export { EsNextWindowDialog } from './es-next-window';
export type { EsNextWindowDialogProps, EsRangeSource } from './es-next-window';
export { EsExportWindow } from './es-export-window';
export type { EsExportWindowProps } from './es-export-window';
