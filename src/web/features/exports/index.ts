export { ExportMenu, type ExportMenuProps } from './export-menu';
export { downloadBlob, downloadText } from './download';
