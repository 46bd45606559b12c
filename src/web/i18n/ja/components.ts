import type { Catalogue } from '../catalogue';
import type { components as en } from '../en/components';

export const components: Catalogue<typeof en> = {
  notices: 'お知らせ',
  dismissNotices: 'お知らせを閉じる',
  dismiss: '閉じる',
};
