import { characterKind, countWordsUtf8 } from './word-count'
import { WORD_SCAN_WASM } from './word-scan-wasm'

/** The kind table at the start of the module's memory: one byte per BMP code point. */
const TABLE_BYTES = 0x10000
/** Readable bytes the scan may load past the input (two-byte look-ahead of a 16-byte load). */
const SLACK_BYTES = 64
/**
 * Larger inputs are counted by the JavaScript loop. The module's memory never shrinks
 * and a scan needs three times its input (the input and room for line starts), so one
 * huge post (a 300,000-word file is some 2 MB) parsed in the main process would keep
 * it for good; posts are a few kilobytes, so this cap keeps at most ~3 MB.
 */
const MAX_SCAN_BYTES = 1024 * 1024
const PAGE_BYTES = 0x10000

interface WordScanExports {
  memory: WebAssembly.Memory
  scan(input: number, length: number, marks: number): number
  marked(): number
}

let scanner: WordScanExports | null | undefined

/**
 * {@link countWordsUtf8}, the same count and the same `markupLines`, from a
 * WebAssembly SIMD scan (word-scan.wat) that reads sixteen bytes at a time: several
 * times faster on the English, Chinese and LaTeX of technical posts, which is most of
 * the CPU of indexing a folder. Falls back to the JavaScript loop for inputs over 1 MB
 * and where WebAssembly SIMD is not available. The same contract: `bytes[start, end)`
 * must be valid UTF-8 (see `isUtf8`), `start` must begin a line and `end` must not
 * fall inside a character.
 */
export function scanWordsUtf8(bytes: Uint8Array, start: number, end: number, markupLines?: number[]): number {
  const length = end - start
  const wasm = length > MAX_SCAN_BYTES ? null : loadScanner()
  if (wasm === null) return countWordsUtf8(bytes, start, end, markupLines)
  // Room for the line starts: every marked line but the last holds a markup byte and a newline.
  const marks = TABLE_BYTES
  const input = marks + align16((Math.ceil(length / 2) + 1) * 4)
  const needed = input + length + SLACK_BYTES
  if (wasm.memory.buffer.byteLength < needed) wasm.memory.grow(Math.ceil((needed - wasm.memory.buffer.byteLength) / PAGE_BYTES))
  const memory = new Uint8Array(wasm.memory.buffer)
  memory.set(bytes.subarray(start, end), input)
  // Bytes past the input must not look like the rest of a character or a newline.
  memory.fill(0, input + length, input + length + SLACK_BYTES)
  const count = wasm.scan(input, length, marks)
  if (markupLines !== undefined) {
    const found = new Uint32Array(wasm.memory.buffer, marks, wasm.marked())
    for (let i = 0; i < found.length; i++) markupLines.push(start + found[i])
  }
  return count
}

/** True when the WebAssembly scan runs here (false means the JavaScript loop counts). */
export function isWordScanAvailable(): boolean {
  return loadScanner() !== null
}

function loadScanner(): WordScanExports | null {
  if (scanner !== undefined) return scanner
  try {
    const module = new WebAssembly.Module(Buffer.from(WORD_SCAN_WASM, 'base64'))
    const instance = new WebAssembly.Instance(module, { env: { kindOf: characterKind } })
    scanner = instance.exports as unknown as WordScanExports
  } catch {
    // No WebAssembly SIMD (an old or locked-down runtime): the JavaScript loop gives the same count.
    scanner = null
  }
  return scanner
}

function align16(value: number): number {
  return (value + 15) & ~15
}
