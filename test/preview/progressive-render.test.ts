import { describe, expect, it } from 'vitest'
import { fillOrder } from '../../src-renderer/features/preview/fill-order'
import { createProgressiveRender } from '../../src-renderer/features/preview/progressive-render'
import type { PreviewFill, PreviewRequest, PreviewResponse, PreviewWorkerMessage } from '../../src-renderer/features/preview/preview-protocol'

/** `sections` sections of three blocks: a heading, prose with a formula, a labelled equation. 10 lines each. */
function post(sections: number): string {
  const parts: string[] = []
  for (let i = 0; i < sections; i++) {
    parts.push(`## Part ${i}\n\nProse $x_{${i}}$ and \\eqref{eq:${(i + 1) % sections}}.\n\n$$\nx = ${i} \\label{eq:${i}}\n$$\n\n`)
  }
  return parts.join('')
}

/** A progressive render whose scheduled tasks run only when the test says, on a clock that ticks 5 ms per reading. */
function harness() {
  const messages: PreviewWorkerMessage[] = []
  const tasks: Array<() => void> = []
  let clock = 0
  const progressive = createProgressiveRender({ post: (message) => messages.push(message), schedule: (task) => tasks.push(task), now: () => (clock += 5) })
  let nextId = 1
  const request = (source: string, focus = { fromLine: 0, toLine: 60 }, isFullResend = false): PreviewRequest => ({
    type: 'render', id: nextId++, source, context: {}, numbering: 'auto', isFullResend, focus,
  })
  const runAll = () => {
    while (tasks.length > 0) tasks.shift()?.()
  }
  const responses = () => messages.filter((m): m is PreviewResponse => m.type === 'rendered')
  const fills = () => messages.filter((m): m is PreviewFill => m.type === 'filled')
  return { progressive, messages, tasks, request, runAll, responses, fills }
}

describe('the progressive render', () => {
  it('answers with the blocks in view rendered and the rest pending, then fills them in view-first order', () => {
    const h = harness()
    const source = post(60)
    h.progressive.render(h.request(source))
    const [response] = h.responses()
    expect(response.blocks).toHaveLength(180)
    const inView = response.blocks.filter((block) => block.startLine < 60)
    expect(inView.every((block) => block.parts !== undefined)).toBe(true)
    const pending = response.blocks.filter((block) => block.pending)
    expect(pending.length).toBeGreaterThan(100)
    expect(response.pendingCount).toBe(pending.length)
    // A pending equation carries its label and a size estimate.
    const last = response.blocks[179]
    expect(last.pending).toEqual({ rows: 3, labels: ['eq:59'] })
    expect(h.fills()).toEqual([])

    h.runAll()
    const filled = h.fills().flatMap((fill) => fill.blocks.map((block) => block.key))
    expect(h.fills().length).toBeGreaterThan(1)
    expect(filled).toEqual(pending.map((block) => block.key))
    expect(h.fills().at(-1)?.pendingCount).toBe(0)
  })

  it('renders pending blocks around a new focus next', () => {
    const h = harness()
    const source = post(60)
    h.progressive.render(h.request(source))
    h.progressive.focus({ fromLine: 400, toLine: 460 })
    h.tasks.shift()?.()
    const [first] = h.fills()
    const response = h.responses()[0]
    const lines = first.blocks.map((block) => response.blocks.find((b) => b.key === block.key)?.startLine ?? -1)
    expect(lines[0]).toBe(400)
    expect(lines.every((line) => line >= 360 && line < 500)).toBe(true)
  })

  it('numbers and resolves equations of blocks rendered late as a full render would', () => {
    const h = harness()
    h.progressive.render(h.request(post(30)))
    h.runAll()
    const parts = new Map(h.messages.flatMap((m) => m.blocks.flatMap((b) => (b.parts ? [[b.key, b.parts] as const] : []))))
    const lastEquation = h.responses()[0].blocks[89]
    const html = parts.get(lastEquation.key)?.formulas.join('') ?? ''
    expect(html).toContain('(30)')
    const lastProse = parts.get(h.responses()[0].blocks[88].key)?.markup ?? ''
    expect(lastProse).toContain('data-eq-ref="eq:0"')
    expect(lastProse).toContain('(1)')
  })

  it('takes a newer version between fills: known blocks come without parts, and filling goes on', () => {
    const h = harness()
    const source = post(60)
    h.progressive.render(h.request(source))
    h.tasks.shift()?.()
    const sentBefore = new Set(h.messages.flatMap((m) => m.blocks.filter((b) => b.parts).map((b) => b.key)))
    const edited = source.replace('Prose $x_{0}$', 'Prose, edited, $x_{0}$')
    h.progressive.render(h.request(edited))
    const second = h.responses()[1]
    const changed = second.blocks[1]
    expect(changed.parts).toBeDefined()
    for (const block of second.blocks) {
      if (sentBefore.has(block.key)) expect(block.parts === undefined && block.pending === undefined).toBe(true)
    }
    h.runAll()
    const everything = new Set(h.messages.flatMap((m) => m.blocks.filter((b) => b.parts).map((b) => b.key)))
    expect(second.blocks.every((block) => everything.has(block.key))).toBe(true)
    const keys = h.messages.flatMap((m) => m.blocks.filter((b) => b.parts).map((b) => b.key))
    expect(new Set(keys).size).toBe(keys.length)
  })

  it('answers an edit of a short post at once, with nothing pending', () => {
    const h = harness()
    h.progressive.render(h.request(post(3)))
    h.progressive.render(h.request(post(3).replace('Part 2', 'Part two')))
    expect(h.responses().map((response) => response.pendingCount)).toEqual([0, 0])
    expect(h.tasks).toEqual([])
  })

  it('sends every part again on a full resend', () => {
    const h = harness()
    h.progressive.render(h.request(post(3)))
    h.progressive.render(h.request(post(3), undefined, true))
    expect(h.responses()[1].blocks.every((block) => block.parts)).toBe(true)
  })
})

describe('fill order matches the protocol', () => {
  it('lists pending blocks in the order fillOrder gives', () => {
    const h = harness()
    h.progressive.render(h.request(post(40), { fromLine: 200, toLine: 260 }))
    const response = h.responses()[0]
    h.runAll()
    const filledKeys = h.fills().flatMap((fill) => fill.blocks.map((block) => block.key))
    const expected = fillOrder(response.blocks, { fromLine: 200, toLine: 260 }, (index) => response.blocks[index].pending !== undefined).map((index) => response.blocks[index].key)
    expect(filledKeys).toEqual(expected)
  })
})
