-- CreateTable
CREATE TABLE "research_daily_counts" (
    "topic_id" UUID NOT NULL,
    "day" DATE NOT NULL,
    "status" "StoryStatus" NOT NULL,
    "verdict" TEXT NOT NULL,
    "triage_level" "TriageLevel" NOT NULL,
    "categories" TEXT NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "research_daily_counts_pkey" PRIMARY KEY ("topic_id","day","status","verdict","triage_level","categories")
);

-- AddForeignKey
ALTER TABLE "research_daily_counts" ADD CONSTRAINT "research_daily_counts_topic_id_fkey" FOREIGN KEY ("topic_id") REFERENCES "topics"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The key a story counts under, computed the same way by the backfill and the trigger.
CREATE FUNCTION "research_day"(created timestamptz) RETURNS date LANGUAGE sql IMMUTABLE AS
  'SELECT (created AT TIME ZONE ''UTC'')::date';
CREATE FUNCTION "research_categories"(cats text[]) RETURNS text LANGUAGE sql IMMUTABLE AS
  'SELECT COALESCE(array_to_string(ARRAY(SELECT c FROM unnest(cats) c ORDER BY c), '',''), '''')';

INSERT INTO "research_daily_counts" ("topic_id", "day", "status", "verdict", "triage_level", "categories", "count")
SELECT "topic_id", research_day("created_at"), "status", COALESCE("verdict"::text, 'unrated'), "triage_level",
       research_categories("triage_categories"), count(*)::int
FROM "stories" GROUP BY 1, 2, 3, 4, 5, 6;

-- Semicolons inside the body are spelled \073 (see the performance migration).
CREATE FUNCTION "research_counts_track"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  IF TG_OP = ''UPDATE'' AND OLD.status = NEW.status AND OLD.verdict IS NOT DISTINCT FROM NEW.verdict
     AND OLD.topic_id = NEW.topic_id AND OLD.triage_level = NEW.triage_level
     AND OLD.triage_categories IS NOT DISTINCT FROM NEW.triage_categories AND OLD.created_at = NEW.created_at THEN
    RETURN NULL\073
  END IF\073
  IF TG_OP IN (''UPDATE'', ''DELETE'') THEN
    UPDATE research_daily_counts SET count = count - 1
    WHERE topic_id = OLD.topic_id AND day = research_day(OLD.created_at) AND status = OLD.status
      AND verdict = COALESCE(OLD.verdict::text, ''unrated'') AND triage_level = OLD.triage_level
      AND categories = research_categories(OLD.triage_categories)\073
  END IF\073
  IF TG_OP IN (''INSERT'', ''UPDATE'') THEN
    INSERT INTO research_daily_counts (topic_id, day, status, verdict, triage_level, categories, count)
    VALUES (NEW.topic_id, research_day(NEW.created_at), NEW.status, COALESCE(NEW.verdict::text, ''unrated''),
            NEW.triage_level, research_categories(NEW.triage_categories), 1)
    ON CONFLICT (topic_id, day, status, verdict, triage_level, categories) DO UPDATE SET count = research_daily_counts.count + 1\073
  END IF\073
  RETURN NULL\073
END';

CREATE TRIGGER "stories_research_counts"
  AFTER INSERT OR DELETE OR UPDATE OF "status", "verdict", "topic_id", "triage_level", "triage_categories", "created_at" ON "stories"
  FOR EACH ROW EXECUTE FUNCTION "research_counts_track"();
