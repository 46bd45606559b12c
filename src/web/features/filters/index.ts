import './filters.css';
export { FiltersPanel, toggleInList, type FiltersPanelProps } from './filters-panel';
