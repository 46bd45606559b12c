export { DrilldownPanel } from './drilldown-panel';
export type { DrilldownPanelProps } from './drilldown-panel';
