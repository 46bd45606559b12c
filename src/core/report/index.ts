export { renderReport, type ReportOptions } from './render-report.js';
export { readAnnotations, type ReportAnnotation, type ReportAnnotations } from './annotations.js';
export { displaySafe, escapeHtml } from './escape.js';
