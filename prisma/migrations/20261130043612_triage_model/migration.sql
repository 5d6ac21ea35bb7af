-- AlterTable
ALTER TABLE "stories" ADD COLUMN     "triage_model" TEXT NOT NULL DEFAULT 'phrases',
ADD COLUMN     "triage_signals" JSONB NOT NULL DEFAULT '{}';
