export { RankingList, type RankingListProps } from './ranking-list';
