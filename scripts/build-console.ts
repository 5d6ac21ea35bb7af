// Bundles the moderation console (src/console/ui) into src/console/static/console.js and console.css, and prints their size.
import { mkdirSync, writeFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import { browserBundle, gzippedSize, kb, root } from './build-widget.js'

export const consoleStatic = join(root, 'src/console/static')
/** The gzipped budget for everything the console loads (its HTML shell is a few hundred bytes more). */
export const consoleBudgetBytes = 80 * 1024

/** Builds the console in memory: file name (console.js, console.css) → bytes. */
export async function buildConsole (): Promise<Map<string, Buffer>> {
  const result = await build({
    ...browserBundle,
    entryPoints: { console: join(root, 'src/console/ui/main.ts') },
    tsconfig: join(root, 'src/console/ui/tsconfig.json'),
    outdir: consoleStatic,
    banner: { js: '/* Candor moderation console, built by scripts/build-console.ts; edit src/console/ui */' },
  })
  return new Map((result.outputFiles ?? []).map((f) => [basename(f.path), Buffer.from(f.contents)]))
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const files = await buildConsole()
  mkdirSync(consoleStatic, { recursive: true })
  let total = 0
  for (const [name, bytes] of files) {
    writeFileSync(join(consoleStatic, name), bytes)
    total += gzippedSize(bytes)
    console.log(`src/console/static/${name}: ${kb(bytes.length)} raw, ${kb(gzippedSize(bytes))} gzipped`)
  }
  console.log(`console total: ${kb(total)} gzipped of a ${kb(consoleBudgetBytes)} budget`)
  if (total > consoleBudgetBytes) { console.error('over budget'); process.exit(1) }
}
