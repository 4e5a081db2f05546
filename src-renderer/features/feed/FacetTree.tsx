import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ChevronRightIcon } from './FeedIcons'

/** One entry of a {@link FacetTree}: a category, a folder, or a year or month of the archive. */
export interface FacetNode {
  /** Unique in the tree; a child's key is its parent's key, the separator, and more. */
  key: string
  label: string
  count: number
  children: FacetNode[]
}

/** Props of {@link FacetTree}. */
export interface FacetTreeProps {
  nodes: FacetNode[]
  /** The key of the entry the feed is filtered by, if it is in this tree. */
  activeKey: string | null
  /** Joins a parent's key to a child's part, so the active entry's parents open by themselves. */
  separator: string
  /** `data-testid` of each entry's button; its `data-key` is the entry's key. */
  testId: string
  /** Selects an entry, or clears the filter when it is the active one. */
  onSelect: (key: string | null) => void
}

/**
 * A tree of filter entries with their post counts: a click filters by an entry (and
 * a second click clears it), the chevron opens or closes its children. The parents
 * of the active entry are always open.
 */
export function FacetTree({ nodes, activeKey, separator, testId, onSelect }: FacetTreeProps) {
  const [opened, setOpened] = useState<ReadonlySet<string>>(() => new Set())
  const toggle = (key: string) =>
    setOpened((current) => {
      const next = new Set(current)
      if (!next.delete(key)) next.add(key)
      return next
    })
  return (
    <ul className="facet-tree" role="tree">
      {nodes.map((node) => (
        <Branch key={node.key} node={node} depth={0} {...{ activeKey, separator, testId, onSelect, opened, toggle }} />
      ))}
    </ul>
  )
}

interface BranchProps {
  node: FacetNode
  depth: number
  activeKey: string | null
  separator: string
  testId: string
  onSelect: (key: string | null) => void
  opened: ReadonlySet<string>
  toggle: (key: string) => void
}

function Branch({ node, depth, activeKey, separator, testId, onSelect, opened, toggle }: BranchProps) {
  const { t } = useTranslation()
  const hasChildren = node.children.length > 0
  const isActive = node.key === activeKey
  const isOpen = hasChildren && (opened.has(node.key) || (activeKey !== null && activeKey.startsWith(node.key + separator)))
  return (
    <li role="treeitem" aria-expanded={hasChildren ? isOpen : undefined} aria-selected={isActive}>
      <div className={isActive ? 'facet-tree__row facet-tree__row--active' : 'facet-tree__row'} style={{ paddingLeft: depth * 14 }}>
        {hasChildren ? (
          <button
            type="button"
            className={isOpen ? 'facet-tree__twisty facet-tree__twisty--open' : 'facet-tree__twisty'}
            aria-label={t(isOpen ? 'filters.collapse' : 'filters.expand', { name: node.label })}
            onClick={() => toggle(node.key)}
          >
            <ChevronRightIcon size={12} />
          </button>
        ) : (
          <span className="facet-tree__twisty" aria-hidden="true" />
        )}
        <button
          type="button"
          className="facet-tree__label"
          aria-pressed={isActive}
          data-testid={testId}
          data-key={node.key}
          title={node.label}
          onClick={() => onSelect(isActive ? null : node.key)}
        >
          <span className="facet-tree__name">{node.label}</span>
          <span className="facet-tree__count">{node.count}</span>
        </button>
      </div>
      {isOpen && (
        <ul role="group">
          {node.children.map((child) => (
            <Branch key={child.key} node={child} depth={depth + 1} {...{ activeKey, separator, testId, onSelect, opened, toggle }} />
          ))}
        </ul>
      )}
    </li>
  )
}
