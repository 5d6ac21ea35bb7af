// Prisma CLI configuration (used by `prisma generate`); the app passes its own driver adapter at runtime.
import { defineConfig } from 'prisma/config'

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
})
