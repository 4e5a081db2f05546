import { mkdirSync, writeFileSync } from 'node:fs'
import { resolve } from 'node:path'

/** One benchmark suite's results, as written to `bench-results/<suite>.json`. */
export interface BenchReport {
  suite: string
  metrics: Record<string, number>
  ratios: Record<string, number>
  notes?: Record<string, string | number>
}

/** Writes the report and prints it as a table. */
export function writeReport(report: BenchReport): void {
  const dir = resolve('bench-results')
  mkdirSync(dir, { recursive: true })
  writeFileSync(resolve(dir, `${report.suite}.json`), `${JSON.stringify(report, null, 2)}\n`)
  console.log(`\n== ${report.suite} ==`)
  const rows: Array<[string, number]> = [...Object.entries(report.metrics), ...Object.entries(report.ratios).map(([k, v]): [string, number] => [`ratio: ${k}`, v])]
  console.table(Object.fromEntries(rows.map(([k, v]) => [k, { value: round(v) }])))
}

/** Median and p95 of a list of timings. */
export function percentiles(samples: number[]): { median: number; p95: number } {
  const sorted = [...samples].sort((a, b) => a - b)
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]
  return { median: at(0.5), p95: at(0.95) }
}

function round(v: number): number {
  return Math.abs(v) >= 100 ? Math.round(v) : Math.round(v * 1000) / 1000
}
