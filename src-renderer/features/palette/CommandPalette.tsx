import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { CommandId } from '../../../src-shared/commands'
import { useCommandRegistry } from '../commands/command-context'
import { commands } from '../commands/commands'
import { shortcutLabel } from '../commands/shortcuts'
import { Highlighted } from '../search/Highlighted'
import { CommandIcon } from '../search/SearchIcons'
import { PickerDialog, PickerRow } from './PickerDialog'
import { PickerKeys } from './PickerKeys'
import { rankCommands, type PaletteItem } from './rank-commands'

/** Props of {@link CommandPalette}. */
export interface CommandPaletteProps {
  /** Closes the palette and runs the command. */
  onRun: (id: CommandId) => void
  onClose: () => void
}

/**
 * The command palette (Ctrl/Cmd+Shift+P): every command of the shared table with
 * its shortcut, found by a fuzzy match on its label (in the interface language or
 * English). Commands that cannot run here are listed greyed out.
 */
export function CommandPalette({ onRun, onClose }: CommandPaletteProps) {
  const { t } = useTranslation()
  const registry = useCommandRegistry()
  const [query, setQuery] = useState('')
  const [selected, setSelected] = useState(0)
  const items = useMemo(
    () =>
      commands
        .filter((spec) => spec.id !== 'command-palette')
        .map((spec): PaletteItem<CommandId> & { shortcut: string } => ({
          id: spec.id,
          label: t(`commands.${spec.id}`),
          aliases: [spec.menuLabel, spec.id],
          isEnabled: registry.isEnabled(spec.id),
          shortcut: spec.shortcut,
        })),
    [t, registry],
  )
  const ranked = useMemo(() => rankCommands(items, query), [items, query])
  const shortcuts = useMemo(() => new Map(items.map((item) => [item.id, item.shortcut])), [items])

  const pick = (index: number) => {
    const item = ranked[index]
    if (item?.isEnabled) onRun(item.id)
  }

  return (
    <PickerDialog
      label={t('palette.label')}
      testId="palette"
      icon={<CommandIcon size={16} />}
      placeholder={t('palette.placeholder')}
      query={query}
      onQuery={(next) => {
        setQuery(next)
        setSelected(0)
      }}
      count={ranked.length}
      selected={selected}
      onSelected={setSelected}
      onPick={pick}
      onClose={onClose}
      footer={<PickerKeys open={t('palette.run')} />}
    >
      {ranked.length === 0 && <p className="picker__empty">{t('palette.empty')}</p>}
      {ranked.map((item, index) => {
        const shortcut = shortcuts.get(item.id) ?? ''
        return (
          <PickerRow
            key={item.id}
            testId="palette"
            index={index}
            isSelected={index === selected}
            isDisabled={!item.isEnabled}
            onSelected={setSelected}
            onPick={pick}
            data={{ 'data-command': item.id }}
          >
            <div className="picker__row-main">
              <Highlighted className="picker__title" text={item.label} ranges={item.labelRanges} />
            </div>
            {!item.isEnabled && <span className="picker__note">{t('palette.unavailable')}</span>}
            {shortcut !== '' && (
              <kbd className="picker__shortcut" data-testid="palette-shortcut">
                {shortcutLabel(shortcut)}
              </kbd>
            )}
          </PickerRow>
        )
      })}
    </PickerDialog>
  )
}
