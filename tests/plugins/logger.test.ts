// Logs are pretty only for a person at a terminal with pino-pretty installed: the production image
// (dev dependencies pruned) run with `docker run -it` has a TTY but no pino-pretty, and must start.
import t from 'tap'
import { loggerOptions, prettyLogs } from '../../src/logger.js'

t.test('a terminal gets pretty logs only when pino-pretty is installed', async (t) => {
  t.equal(prettyLogs(true, true), true, 'a developer at a terminal')
  t.equal(prettyLogs(true, false), false, 'docker run -it on the pruned image: JSON, no missing transport')
  t.equal(prettyLogs(false, true), false, 'piped or collected logs stay JSON')
})

t.test('the options name a transport only when it can be loaded', async (t) => {
  const options = loggerOptions({ logLevel: 'info' }) as { transport?: { target: string } }
  if (options.transport) t.equal(options.transport.target, 'pino-pretty')
  t.equal(options.transport !== undefined, prettyLogs(), 'the same answer as prettyLogs for this process')
})
