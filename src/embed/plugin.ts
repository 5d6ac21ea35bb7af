// Serves the embeddable widget bundle at /embed/v1/stories.js and a demo page at /embed/demo (not API operations).
import type { FastifyPluginAsync } from 'fastify'
import { serveStaticAsset } from '../http/static-asset.js'

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
  await serveStaticAsset(app, {
    url: '/embed/v1/stories.js',
    file: bundleUrl,
    type: 'text/javascript; charset=utf-8',
    headers: { 'cache-control': 'public, max-age=300', 'cross-origin-resource-policy': 'cross-origin' },
    buildWith: 'npm run build:widget',
  })

  app.get('/embed/demo', async (_request, reply) => reply
    .header('content-security-policy', demoCsp)
    .header('x-content-type-options', 'nosniff')
    .header('referrer-policy', 'no-referrer')
    .type('text/html; charset=utf-8')
    .send(demoPage))
}

export default embed
