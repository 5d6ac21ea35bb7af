// Serves the embeddable widget bundle at /embed/v1/stories.js and a demo page at /embed/demo (not API operations).
import { readFile } from 'node:fs/promises'
import type { FastifyPluginAsync } from 'fastify'
import { DomainError } from '../errors.js'
import { etagOf, noneMatchHits } from '../http/etag.js'

/** Built by `npm run build:widget` and committed (not under `dist/`, which .gitignore ignores). */
const bundleUrl = new URL('./static/stories.js', import.meta.url)

/** The demo page's own policy: nothing inline, everything from this origin. Constructable stylesheets
 *  (adoptedStyleSheets) are not subject to style-src in Chromium, and the widget sets no style attributes. */
export const demoCsp = "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'self'; img-src 'self'"

const demoPage = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Candor widget demo</title>
<script src="/embed/v1/stories.js" defer></script>
</head>
<body>
<h1>Craniosacral massage: visitors' stories</h1>
<p>This page embeds the Candor widget for the demo site with one element and one script tag:</p>
<pre>&lt;script src="/embed/v1/stories.js" defer&gt;&lt;/script&gt;
&lt;candor-stories site="demo" topic="craniosacral-massage"&gt;&lt;/candor-stories&gt;</pre>
<candor-stories site="demo" topic="craniosacral-massage"></candor-stories>
</body>
</html>
`

const embed: FastifyPluginAsync = async (app) => {
  // A missing bundle must not take the API down: the script answers 503 and the log says why.
  const bundle = await readFile(bundleUrl).catch(() => null)
  if (!bundle) app.log.error(`the widget bundle ${bundleUrl.pathname} is missing: run \`npm run build:widget\``)
  const etag = bundle ? etagOf(bundle) : ''

  app.get('/embed/v1/stories.js', async (request, reply) => {
    if (!bundle) throw new DomainError('widget_unavailable', 503, 'Service unavailable', 'The widget is not built on this server.')
    reply
      .header('cache-control', 'public, max-age=300')
      .header('cross-origin-resource-policy', 'cross-origin')
      .header('x-content-type-options', 'nosniff')
      .header('etag', etag)
    if (noneMatchHits(request.headers['if-none-match'], etag)) return reply.code(304).send()
    return reply.type('text/javascript; charset=utf-8').send(bundle)
  })

  app.get('/embed/demo', async (_request, reply) => reply
    .header('content-security-policy', demoCsp)
    .header('x-content-type-options', 'nosniff')
    .header('referrer-policy', 'no-referrer')
    .type('text/html; charset=utf-8')
    .send(demoPage))
}

export default embed
