-- CreateTable
CREATE TABLE "research_count_deltas" (
    "id" BIGSERIAL NOT NULL,
    "topic_id" UUID NOT NULL,
    "day" DATE NOT NULL,
    "status" "StoryStatus" NOT NULL,
    "verdict" TEXT NOT NULL,
    "triage_level" "TriageLevel" NOT NULL,
    "categories" TEXT NOT NULL,
    "delta" INTEGER NOT NULL,

    CONSTRAINT "research_count_deltas_pkey" PRIMARY KEY ("id")
);

-- AddForeignKey
ALTER TABLE "research_count_deltas" ADD CONSTRAINT "research_count_deltas_topic_id_fkey" FOREIGN KEY ("topic_id") REFERENCES "topics"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written below. Semicolons inside function bodies are written \073 because the migration
-- runner splits statements at every semicolon.

-- The stories trigger appends changes instead of updating one counter row: concurrent submissions on
-- a topic used to queue on that row's lock for the length of each other's commit.
CREATE OR REPLACE FUNCTION "research_counts_track"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  IF TG_OP = ''UPDATE'' AND OLD.status = NEW.status AND OLD.verdict IS NOT DISTINCT FROM NEW.verdict
     AND OLD.topic_id = NEW.topic_id AND OLD.triage_level = NEW.triage_level
     AND OLD.triage_categories IS NOT DISTINCT FROM NEW.triage_categories AND OLD.created_at = NEW.created_at THEN
    RETURN NULL\073
  END IF\073
  IF TG_OP IN (''UPDATE'', ''DELETE'') THEN
    INSERT INTO research_count_deltas (topic_id, day, status, verdict, triage_level, categories, delta)
    VALUES (OLD.topic_id, research_day(OLD.created_at), OLD.status, COALESCE(OLD.verdict::text, ''unrated''),
            OLD.triage_level, research_categories(OLD.triage_categories), -1)\073
  END IF\073
  IF TG_OP IN (''INSERT'', ''UPDATE'') THEN
    INSERT INTO research_count_deltas (topic_id, day, status, verdict, triage_level, categories, delta)
    VALUES (NEW.topic_id, research_day(NEW.created_at), NEW.status, COALESCE(NEW.verdict::text, ''unrated''),
            NEW.triage_level, research_categories(NEW.triage_categories), 1)\073
  END IF\073
  RETURN NULL\073
END';

-- What research reads: the folded counts and the changes not folded yet, row by row (readers sum).
CREATE VIEW "research_counts" AS
  SELECT topic_id, day, status, verdict, triage_level, categories, count FROM research_daily_counts
  UNION ALL
  SELECT topic_id, day, status, verdict, triage_level, categories, delta FROM research_count_deltas;

-- Moves the appended changes into research_daily_counts in one transaction, so readers of the view
-- see each change exactly once. Concurrent folds do not double count: a delta row is deleted once.
CREATE FUNCTION "research_counts_fold"() RETURNS integer LANGUAGE sql AS
  'WITH moved AS (
     DELETE FROM research_count_deltas
     RETURNING topic_id, day, status, verdict, triage_level, categories, delta
   ), summed AS (
     INSERT INTO research_daily_counts (topic_id, day, status, verdict, triage_level, categories, count)
     SELECT topic_id, day, status, verdict, triage_level, categories, sum(delta)::int FROM moved
     GROUP BY topic_id, day, status, verdict, triage_level, categories
     ON CONFLICT (topic_id, day, status, verdict, triage_level, categories)
     DO UPDATE SET count = research_daily_counts.count + EXCLUDED.count
     RETURNING 1
   )
   SELECT count(*)::int FROM summed';
