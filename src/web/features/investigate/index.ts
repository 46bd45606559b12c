import './investigate.css';
export { InvestigatePanel, type InvestigatePanelProps } from './investigate-panel';
export { PathList, ChainList, type PathListProps, type ChainListProps } from './path-list';
