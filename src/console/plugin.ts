// Serves the moderation console at /console: an HTML shell and the bundle built from src/console/ui
// (`npm run build:console`), same origin, under a CSP that allows nothing inline and nothing elsewhere.
import type { FastifyPluginAsync } from 'fastify'
import { serveStaticAsset } from '../http/static-asset.js'

export const consoleCsp = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

const shell = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>Candor moderation console</title>
<link rel="stylesheet" href="/console/console.css">
<script src="/console/console.js" defer></script>
</head>
<body>
<div id="console"><noscript>The console needs JavaScript.</noscript></div>
</body>
</html>
`

// Revalidated on every load (ETag), so a deploy reaches moderators at once.
const revalidate = { 'cache-control': 'no-cache', 'referrer-policy': 'no-referrer' }

const consolePlugin: FastifyPluginAsync = async (app) => {
  app.get('/console', async (_request, reply) => reply
    .headers(revalidate)
    .header('content-security-policy', consoleCsp)
    .header('x-content-type-options', 'nosniff')
    .type('text/html; charset=utf-8')
    .send(shell))
  for (const [name, type] of [['console.js', 'text/javascript; charset=utf-8'], ['console.css', 'text/css; charset=utf-8']] as const) {
    await serveStaticAsset(app, { url: `/console/${name}`, file: new URL(`./static/${name}`, import.meta.url), type, headers: revalidate, buildWith: 'npm run build:console' })
  }
}

export default consolePlugin
