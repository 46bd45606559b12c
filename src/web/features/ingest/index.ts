import './ingest.css';
export { openDatasetFile, type OpenResult } from './open-file';
export { OpenButton } from './open-button';
export { DropZone } from './drop-zone';
export { OpenError } from './open-error';
export { KeptFiles, type KeptFilesProps } from './kept-files';
