-- CreateTable
CREATE TABLE "topic_counts" (
    "topic_id" UUID NOT NULL,
    "verdict" TEXT NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "topic_counts_pkey" PRIMARY KEY ("topic_id","verdict")
);

-- CreateIndex
CREATE INDEX "stories_research_idx" ON "stories"("topic_id", "created_at", "status", "verdict");

-- AddForeignKey
ALTER TABLE "topic_counts" ADD CONSTRAINT "topic_counts_topic_id_fkey" FOREIGN KEY ("topic_id") REFERENCES "topics"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Partial indexes Prisma's schema language cannot express. The queries are written to match them.
-- The public list: approved stories of a topic, newest first.
CREATE INDEX "stories_approved_list_idx" ON "stories"("topic_id", "published_at" DESC, "id" DESC) WHERE "status" = 'approved';
-- The moderation queue: what needs a decision, in queue order.
CREATE INDEX "stories_needs_decision_idx" ON "stories"("triage_level", "harm_reports" DESC, "created_at", "id")
  WHERE "status" = 'pending' OR ("status" = 'approved' AND "flagged_at" IS NOT NULL);

-- Backfill the tally for stories approved before this migration.
INSERT INTO "topic_counts" ("topic_id", "verdict", "count")
SELECT "topic_id", COALESCE("verdict"::text, 'unrated'), count(*)::int FROM "stories" WHERE "status" = 'approved'
GROUP BY 1, 2;

-- Keep topic_counts in step with every change to an approved story, in the same transaction, whoever
-- writes (the API, the demo loader, a bulk COPY). Semicolons inside the body are spelled \073: the
-- schema engine splits scripts at every semicolon.
CREATE FUNCTION "topic_counts_track"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  IF TG_OP = ''UPDATE'' AND OLD.status = NEW.status AND OLD.verdict IS NOT DISTINCT FROM NEW.verdict AND OLD.topic_id = NEW.topic_id THEN
    RETURN NULL\073
  END IF\073
  IF TG_OP IN (''UPDATE'', ''DELETE'') AND OLD.status = ''approved'' THEN
    UPDATE topic_counts SET count = count - 1 WHERE topic_id = OLD.topic_id AND verdict = COALESCE(OLD.verdict::text, ''unrated'')\073
  END IF\073
  IF TG_OP IN (''INSERT'', ''UPDATE'') AND NEW.status = ''approved'' THEN
    INSERT INTO topic_counts (topic_id, verdict, count) VALUES (NEW.topic_id, COALESCE(NEW.verdict::text, ''unrated''), 1)
    ON CONFLICT (topic_id, verdict) DO UPDATE SET count = topic_counts.count + 1\073
  END IF\073
  RETURN NULL\073
END';

CREATE TRIGGER "stories_topic_counts"
  AFTER INSERT OR DELETE OR UPDATE OF "status", "verdict", "topic_id" ON "stories"
  FOR EACH ROW EXECUTE FUNCTION "topic_counts_track"();
