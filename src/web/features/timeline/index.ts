import './histogram.css';
import './node-timeline.css';
export { Histogram, type HistogramProps } from './histogram';
export { WindowBar, type WindowBarProps } from './window-bar';
export { NodeTimelineChart, type NodeTimelineProps } from './node-timeline';
