import { useTranslation } from 'react-i18next'

/** The keys of a picker (↑↓ to move, Enter to `open`, Esc to close), as a footer hint. */
export function PickerKeys({ open }: { open: string }) {
  const { t } = useTranslation()
  return (
    <span className="picker__keys">
      <span>
        <kbd>↑</kbd>
        <kbd>↓</kbd> {t('picker.navigate')}
      </span>
      <span>
        <kbd>Enter</kbd> {open}
      </span>
      <span>
        <kbd>Esc</kbd> {t('picker.close')}
      </span>
    </span>
  )
}
