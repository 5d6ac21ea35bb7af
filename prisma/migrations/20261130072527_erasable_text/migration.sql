-- Erasure erases (issue 13, item 1): text that withdrawing or erasing an item must take with it
-- leaves the append-only audit events for a table of its own, and the tables that keep copies of or
-- derivations from an item's text say which item they came from.

-- CreateTable
CREATE TABLE "audit_notes" (
    "event_id" BIGINT NOT NULL,
    "story_id" UUID NOT NULL,
    "note" TEXT NOT NULL,

    CONSTRAINT "audit_notes_pkey" PRIMARY KEY ("event_id")
);

-- Move the notes (hand-written). Withdrawn or erased items keep none.
INSERT INTO "audit_notes" ("event_id", "story_id", "note")
SELECT e."id", e."story_id", e."note" FROM "audit_events" e JOIN "stories" s ON s."id" = e."story_id"
WHERE e."note" IS NOT NULL AND s."status" <> 'withdrawn';

-- AlterTable (a column drop is not an UPDATE: the append-only trigger allows it)
ALTER TABLE "audit_events" DROP COLUMN "note";

-- Stored answers and fingerprints written before this migration name no item, so an erasure could
-- not find them (hand-written). Both live 24 hours, and are dropped rather than kept unerasable: a
-- retry of a request made before the upgrade runs again (a decision then gets 412, a submission
-- may be stored twice).
DELETE FROM "idempotency_keys";
DELETE FROM "submission_fingerprints";

-- AlterTable
ALTER TABLE "idempotency_keys" ADD COLUMN     "erased_at" TIMESTAMPTZ(3),
ADD COLUMN     "story_id" UUID;

-- AlterTable
ALTER TABLE "submission_fingerprints" ADD COLUMN     "story_id" UUID NOT NULL;

-- CreateIndex
CREATE INDEX "audit_notes_story_id_idx" ON "audit_notes"("story_id");

-- CreateIndex
CREATE INDEX "idempotency_keys_story_id_idx" ON "idempotency_keys"("story_id");

-- CreateIndex
CREATE INDEX "submission_fingerprints_story_id_idx" ON "submission_fingerprints"("story_id");

-- AddForeignKey
ALTER TABLE "audit_notes" ADD CONSTRAINT "audit_notes_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "audit_events"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
