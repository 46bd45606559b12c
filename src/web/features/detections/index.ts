import './detections.css';
export { DetectionsPanel, MAX_DETECTION_ROWS } from './detections-panel';
export type { DetectionsPanelProps } from './detections-panel';
export { DetectionEvidence } from './detection-evidence';
export { evidenceEdges, evidenceFlags } from './detection-rows';
