// Who the client is: the socket address, or X-Forwarded-For only from proxies named in TRUST_PROXY.
import t from 'tap'
import { buildTestApp } from '../helpers/app.js'
import { siteWithTopic, storyInput } from '../helpers/factories.js'

const forwardedFrom = (client: string) => ({ 'x-forwarded-for': client })

t.test('X-Forwarded-For is ignored unless the proxy is trusted', async (t) => {
  const { app, db } = await buildTestApp(t, { RATE_LIMIT_ENABLED: 'true', RATE_LIMIT_WRITES_PER_MINUTE: '1' })
  const { storiesUrl } = await siteWithTopic(db)
  const post = (client: string, title: string) => app.inject({ method: 'POST', url: storiesUrl, payload: storyInput({ title }), headers: forwardedFrom(client) })
  t.equal((await post('198.51.100.1', 'First story here')).statusCode, 201)
  t.equal((await post('198.51.100.2', 'Second story here')).statusCode, 429, 'a client cannot dodge limits by claiming another address')
})

t.test('behind a trusted proxy, each forwarded client is counted on its own', async (t) => {
  const { app, db } = await buildTestApp(t, { RATE_LIMIT_ENABLED: 'true', RATE_LIMIT_WRITES_PER_MINUTE: '1', TRUST_PROXY: 'loopback' })
  const { storiesUrl } = await siteWithTopic(db)
  const post = (client: string, title: string) => app.inject({ method: 'POST', url: storiesUrl, payload: storyInput({ title }), headers: forwardedFrom(client) })
  t.equal((await post('198.51.100.1', 'First story here')).statusCode, 201)
  t.equal((await post('198.51.100.2', 'Second story here')).statusCode, 201)
  t.equal((await post('198.51.100.1', 'Third story here')).statusCode, 429)
})
