import type { Catalogue } from '../catalogue';
import type { common as en } from '../en/common';

export const common: Catalogue<typeof en> = {
  language: '言語',
  close: '閉じる',
  cancel: 'キャンセル',
  loading: '読み込み中…',
  none: 'なし',
};
