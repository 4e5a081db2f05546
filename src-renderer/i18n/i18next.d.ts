import 'i18next'
import type { en } from './en'

declare module 'i18next' {
  /** Types `t('section.key')` against the English text, so a missing key is a compile error. */
  interface CustomTypeOptions {
    defaultNS: 'translation'
    resources: { translation: typeof en }
  }
}
