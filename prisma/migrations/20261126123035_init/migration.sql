-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('admin', 'moderator', 'researcher');

-- CreateEnum
CREATE TYPE "StoryStatus" AS ENUM ('pending', 'approved', 'rejected', 'removed', 'withdrawn');

-- CreateEnum
CREATE TYPE "Verdict" AS ENUM ('effective', 'ineffective');

-- CreateEnum
CREATE TYPE "TriageLevel" AS ENUM ('critical', 'high', 'normal');

-- CreateTable
CREATE TABLE "sites" (
    "id" UUID NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "allowed_origins" TEXT[],
    "settings" JSONB NOT NULL DEFAULT '{}',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "sites_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "topics" (
    "id" UUID NOT NULL,
    "site_id" UUID NOT NULL,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "question" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "topics_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "stories" (
    "id" UUID NOT NULL,
    "site_id" UUID NOT NULL,
    "topic_id" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "author_name" TEXT,
    "author_email" TEXT,
    "verdict" "Verdict",
    "consent_publish" BOOLEAN NOT NULL,
    "consent_research" BOOLEAN NOT NULL DEFAULT false,
    "status" "StoryStatus" NOT NULL DEFAULT 'pending',
    "triage_level" "TriageLevel" NOT NULL,
    "triage_categories" TEXT[],
    "triage_evidence" JSONB NOT NULL DEFAULT '[]',
    "content_warnings" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "manage_token_hash" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "published_at" TIMESTAMPTZ(3),

    CONSTRAINT "stories_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_events" (
    "id" BIGSERIAL NOT NULL,
    "story_id" UUID NOT NULL,
    "actor_key_id" UUID,
    "actor" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "from_status" "StoryStatus",
    "to_status" "StoryStatus",
    "reason" TEXT,
    "note" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "audit_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "api_keys" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "prefix" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revoked_at" TIMESTAMPTZ(3),
    "last_used_at" TIMESTAMPTZ(3),

    CONSTRAINT "api_keys_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "_ApiKeyToSite" (
    "A" UUID NOT NULL,
    "B" UUID NOT NULL,

    CONSTRAINT "_ApiKeyToSite_AB_pkey" PRIMARY KEY ("A","B")
);

-- CreateIndex
CREATE UNIQUE INDEX "sites_slug_key" ON "sites"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "topics_site_id_slug_key" ON "topics"("site_id", "slug");

-- CreateIndex
CREATE INDEX "stories_public_list_idx" ON "stories"("topic_id", "status", "published_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "stories_queue_idx" ON "stories"("site_id", "status", "triage_level", "created_at", "id");

-- CreateIndex
CREATE INDEX "stories_ratings_idx" ON "stories"("topic_id", "status", "verdict");

-- CreateIndex
CREATE INDEX "audit_events_story_id_id_idx" ON "audit_events"("story_id", "id");

-- CreateIndex
CREATE UNIQUE INDEX "api_keys_hash_key" ON "api_keys"("hash");

-- CreateIndex
CREATE INDEX "_ApiKeyToSite_B_index" ON "_ApiKeyToSite"("B");

-- AddForeignKey
ALTER TABLE "topics" ADD CONSTRAINT "topics_site_id_fkey" FOREIGN KEY ("site_id") REFERENCES "sites"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "stories" ADD CONSTRAINT "stories_site_id_fkey" FOREIGN KEY ("site_id") REFERENCES "sites"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "stories" ADD CONSTRAINT "stories_topic_id_fkey" FOREIGN KEY ("topic_id") REFERENCES "topics"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_story_id_fkey" FOREIGN KEY ("story_id") REFERENCES "stories"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_ApiKeyToSite" ADD CONSTRAINT "_ApiKeyToSite_A_fkey" FOREIGN KEY ("A") REFERENCES "api_keys"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_ApiKeyToSite" ADD CONSTRAINT "_ApiKeyToSite_B_fkey" FOREIGN KEY ("B") REFERENCES "sites"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Audit events are append-only: every moderator action stays on record.
-- The body spells its semicolon as \073 in an E'' string: the wasm schema engine splits a script
-- at every semicolon, even one inside a quoted function body.
CREATE FUNCTION "audit_events_append_only"() RETURNS trigger LANGUAGE plpgsql AS
  E'BEGIN RAISE EXCEPTION ''audit_events is append-only'' USING ERRCODE = ''insufficient_privilege''\073 END';

CREATE TRIGGER "audit_events_no_update_or_delete"
  BEFORE UPDATE OR DELETE OR TRUNCATE ON "audit_events"
  FOR EACH STATEMENT EXECUTE FUNCTION "audit_events_append_only"();
