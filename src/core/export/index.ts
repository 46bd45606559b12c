// Exports of a view (issue 13): file names, picture metadata, CSV of the view, the dataset cut.
export { EXPORT_SOFTWARE, windowText, type ExportMeta } from './export-meta.js';
export { compactInstant, exportFileName, safeNamePart } from './export-file-name.js';
export { pngChunks, textChunk, withPngText, PNG_SIGNATURE, type PngTextEntry } from './png-text.js';
export { pngMetaEntries, withSvgMetadata, xmlText, xmlValid, type PictureOf } from './image-meta.js';
export { safeColor, sceneSvg, type Scene, type SceneEdge, type SceneNode } from './scene-svg.js';
export {
  EDGE_CSV_COLUMNS,
  META_CSV_COLUMNS,
  NODE_CSV_COLUMNS,
  edgeCsvCells,
  edgesCsv,
  nodesByRank,
  nodesCsv,
} from './view-csv.js';
export { cutDataset, datasetFileText, withAnnotations, type DatasetCutOptions } from './dataset-cut.js';
