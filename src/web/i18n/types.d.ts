import type { en } from './en';

// Typed keys: `t('detections:title')` with a key that the English catalogue lacks is a compile error.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
    resources: typeof en;
    returnNull: false;
  }
}
