import './ranking.css';
export { RankingList, type RankingListProps } from './ranking-list';
