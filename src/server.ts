// Entry point: load config, prepare the database, build the app, listen, shut down gracefully.
import closeWithGrace from 'close-with-grace'
import { buildApp } from './app.js'
import { ConfigError, loadConfig } from './config.js'
import { prepareDatabase } from './bootstrap/prepare.js'

async function main (): Promise<void> {
  const config = loadConfig()
  const database = await prepareDatabase(config, (msg) => { console.log(`[candor] ${msg}`) })
  const app = await buildApp({ ...config, databaseUrl: database.databaseUrl })
  closeWithGrace({ delay: 10_000 }, async ({ err, signal }) => {
    if (err) app.log.error({ err }, 'shutting down after an error')
    else app.log.info({ signal }, 'shutting down')
    // Refuse new work politely first (load balancers notice), then stop listening and finish what is in flight.
    app.drain()
    await new Promise((resolve) => setTimeout(resolve, config.shutdownDrainMs))
    await app.close()
    await database.stop()
  })
  await app.listen({ host: config.host, port: config.port })
}

main().catch((err: unknown) => {
  console.error(err instanceof ConfigError ? err.message : err)
  process.exit(1)
})
