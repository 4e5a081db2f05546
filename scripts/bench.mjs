#!/usr/bin/env node
// `npm run bench [-- suite ...]`: runs the benchmark suites in bench/<suite>.bench.ts
// (all of them when none is named). Each writes bench-results/<suite>.json.
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync } from 'node:fs'

const available = readdirSync('bench').filter((f) => f.endsWith('.bench.ts')).map((f) => f.replace('.bench.ts', '')).sort()
const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'))
const suites = wanted.length ? wanted : available
for (const suite of suites) {
  if (!existsSync(`bench/${suite}.bench.ts`)) {
    console.error(`Unknown benchmark "${suite}". Available: ${available.join(', ') || 'none'}`)
    process.exit(2)
  }
  const run = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', `bench/${suite}.bench.ts`], { stdio: 'inherit' })
  if (run.status !== 0) process.exit(run.status ?? 1)
}
