// Bundles the embeddable widget (src/embed/widget) into one minified ES2020 IIFE: src/embed/static/stories.js.
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import { build, type BuildOptions } from 'esbuild'

export const root = join(dirname(fileURLToPath(import.meta.url)), '..')
export const widgetOutput = join(root, 'src/embed/static/stories.js')

/** esbuild settings every browser bundle shares (widget, console): deterministic for a source and esbuild version. */
export const browserBundle: BuildOptions = {
  bundle: true,
  format: 'iife',
  target: 'es2020',
  platform: 'browser',
  minify: true,
  legalComments: 'none',
  charset: 'utf8',
  write: false,
  logLevel: 'silent',
}

/** Builds the bundle in memory. */
export async function buildWidget (): Promise<Buffer> {
  const result = await build({
    ...browserBundle,
    entryPoints: [join(root, 'src/embed/widget/main.ts')],
    tsconfig: join(root, 'src/embed/widget/tsconfig.json'),
    banner: { js: '/* candor-stories widget, built by scripts/build-widget.ts; edit src/embed/widget */' },
  })
  const file = result.outputFiles?.[0]
  if (!file) throw new Error('esbuild produced no output')
  return Buffer.from(file.contents)
}

export const gzippedSize = (bytes: Buffer): number => gzipSync(bytes, { level: 9 }).length
export const kb = (n: number): string => `${(n / 1024).toFixed(1)} kB`

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const bytes = await buildWidget()
  mkdirSync(dirname(widgetOutput), { recursive: true })
  writeFileSync(widgetOutput, bytes)
  console.log(`src/embed/static/stories.js: ${kb(bytes.length)} raw, ${kb(gzippedSize(bytes))} gzipped (${bytes.length} / ${gzippedSize(bytes)} bytes)`)
}
