import './drilldown.css';
export { DrilldownPanel } from './drilldown-panel';
export type { DrilldownPanelProps, DrilldownTarget } from './drilldown-panel';
