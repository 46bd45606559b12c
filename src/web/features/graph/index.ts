import './graph.css';
export { GraphView, type GraphViewProps } from './graph-view';
export { buildElements, domainIndex, type GraphElements } from './elements';
export { LAYOUT_CHOICES } from './layout-choices';
export { useWindowView, type WindowViewState } from './use-window-view';
export type { WindowParams } from './window-graph';
