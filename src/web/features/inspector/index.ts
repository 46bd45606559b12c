import './inspector.css';
export { Inspector, type InspectorTarget } from './inspector';
export { inspectorTarget } from './target';
