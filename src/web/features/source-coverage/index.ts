import './coverage.css';
export { CoverageNote } from './coverage-note';
export type { CoverageNoteProps } from './coverage-note';
