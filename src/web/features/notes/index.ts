import './notes.css';
export { NotesEditor } from './notes-editor';
export type { NotesEditorProps } from './notes-editor';
export { NoteMarker } from './note-marker';
export { TagFilter } from './tag-filter';
export type { TagFilterProps } from './tag-filter';
export { DownloadDataset, notesFileName } from './download-dataset';
export { useAnnotations, datasetWithAnnotations } from './use-annotations';
export type { DatasetAnnotations, NoteInput } from './use-annotations';
