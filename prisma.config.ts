import { defineConfig } from 'prisma/config';

// Read DATABASE_URL directly: prisma's env() throws when it is unset, which would break
// `prisma generate` on a fresh clone (the embedded default sets it only at run time).
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations', seed: 'tsx prisma/seed.ts' },
  datasource: { url: process.env.DATABASE_URL ?? 'postgresql://placeholder@127.0.0.1:5432/placeholder' },
});
