-- AlterTable
ALTER TABLE "stories" ADD COLUMN     "comment_count" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "helpful_score" DOUBLE PRECISION NOT NULL DEFAULT 0,
ADD COLUMN     "parent_id" UUID,
ADD COLUMN     "rating_count" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "rating_sum" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "reader_ratings" (
    "story_id" UUID NOT NULL,
    "rater_hash" TEXT NOT NULL,
    "network_hash" TEXT NOT NULL,
    "stars" INTEGER NOT NULL,
    "changes" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "reader_ratings_pkey" PRIMARY KEY ("story_id","rater_hash")
);

-- CreateIndex
CREATE INDEX "reader_ratings_updated_at_idx" ON "reader_ratings"("updated_at");

-- AddForeignKey
ALTER TABLE "stories" ADD CONSTRAINT "stories_parent_id_fkey" FOREIGN KEY ("parent_id") REFERENCES "stories"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "reader_ratings" ADD CONSTRAINT "reader_ratings_story_id_fkey" FOREIGN KEY ("story_id") REFERENCES "stories"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Hand-written below: what Prisma's schema language cannot express. Semicolons inside function
-- bodies are written \073 because the migration runner splits statements at every semicolon.

ALTER TABLE "reader_ratings" ADD CONSTRAINT "reader_ratings_stars_check" CHECK ("stars" BETWEEN 1 AND 5);
ALTER TABLE "stories" ADD CONSTRAINT "stories_comment_shape_check"
  CHECK ("parent_id" IS NULL OR ("verdict" IS NULL AND "consent_research" = false));

-- Public lists read stories only (comments share the table), newest first or most helpful first.
DROP INDEX "stories_approved_list_idx";
CREATE INDEX "stories_approved_list_idx" ON "stories"("topic_id", "published_at" DESC, "id" DESC)
  WHERE "status" = 'approved' AND "parent_id" IS NULL;
CREATE INDEX "stories_helpful_list_idx" ON "stories"("topic_id", "helpful_score" DESC, "published_at" DESC, "id" DESC)
  WHERE "status" = 'approved' AND "parent_id" IS NULL;
CREATE INDEX "stories_approved_comments_idx" ON "stories"("parent_id", "published_at", "id")
  WHERE "status" = 'approved' AND "parent_id" IS NOT NULL;

-- Topic and research counts are about stories: their triggers skip comments.
DROP TRIGGER "stories_topic_counts" ON "stories";
CREATE TRIGGER "stories_topic_counts"
  AFTER INSERT OR UPDATE OF "status", "verdict", "topic_id" ON "stories"
  FOR EACH ROW WHEN (NEW."parent_id" IS NULL) EXECUTE FUNCTION "topic_counts_track"();
CREATE TRIGGER "stories_topic_counts_delete"
  AFTER DELETE ON "stories"
  FOR EACH ROW WHEN (OLD."parent_id" IS NULL) EXECUTE FUNCTION "topic_counts_track"();
DROP TRIGGER "stories_research_counts" ON "stories";
CREATE TRIGGER "stories_research_counts"
  AFTER INSERT OR UPDATE OF "status", "verdict", "topic_id", "triage_level", "triage_categories", "created_at" ON "stories"
  FOR EACH ROW WHEN (NEW."parent_id" IS NULL) EXECUTE FUNCTION "research_counts_track"();
CREATE TRIGGER "stories_research_counts_delete"
  AFTER DELETE ON "stories"
  FOR EACH ROW WHEN (OLD."parent_id" IS NULL) EXECUTE FUNCTION "research_counts_track"();

-- A story's approved comments, kept in the transaction of every comment status change.
CREATE FUNCTION "comment_counts_track"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  IF TG_OP = ''UPDATE'' AND (OLD.status = ''approved'') = (NEW.status = ''approved'') THEN
    RETURN NULL\073
  END IF\073
  IF TG_OP IN (''UPDATE'', ''DELETE'') AND OLD.status = ''approved'' THEN
    UPDATE stories SET comment_count = comment_count - 1 WHERE id = OLD.parent_id\073
  END IF\073
  IF TG_OP IN (''INSERT'', ''UPDATE'') AND NEW.status = ''approved'' THEN
    UPDATE stories SET comment_count = comment_count + 1 WHERE id = NEW.parent_id\073
  END IF\073
  RETURN NULL\073
END';
CREATE TRIGGER "stories_comment_counts"
  AFTER INSERT OR UPDATE OF "status" ON "stories"
  FOR EACH ROW WHEN (NEW."parent_id" IS NOT NULL) EXECUTE FUNCTION "comment_counts_track"();
CREATE TRIGGER "stories_comment_counts_delete"
  AFTER DELETE ON "stories"
  FOR EACH ROW WHEN (OLD."parent_id" IS NOT NULL) EXECUTE FUNCTION "comment_counts_track"();

-- The helpful score: the lower bound of the 95% Wilson score interval for the share (stars - 1) / 4,
-- so one 5-star rating (0.21) ranks below forty 4-star ones (0.60). 0 when unrated.
CREATE FUNCTION "reader_helpful_score"(n integer, stars_sum integer) RETURNS double precision LANGUAGE sql IMMUTABLE AS
  'SELECT CASE WHEN n = 0 THEN 0::float8 ELSE
     (p + z * z / (2 * n) - z * sqrt((p * (1 - p) + z * z / (4 * n)) / n)) / (1 + z * z / n) END
   FROM (SELECT (stars_sum - n)::float8 / NULLIF(4 * n, 0) AS p, 1.959963984540054::float8 AS z) c';

-- A story's rating count, sum and helpful score, kept in the transaction of every rating change.
CREATE FUNCTION "reader_ratings_track"() RETURNS trigger LANGUAGE plpgsql AS E'
DECLARE
  target uuid := CASE WHEN TG_OP = ''DELETE'' THEN OLD.story_id ELSE NEW.story_id END\073
  dn integer := CASE TG_OP WHEN ''INSERT'' THEN 1 WHEN ''DELETE'' THEN -1 ELSE 0 END\073
  ds integer := CASE TG_OP WHEN ''INSERT'' THEN NEW.stars WHEN ''DELETE'' THEN -OLD.stars ELSE NEW.stars - OLD.stars END\073
BEGIN
  IF dn = 0 AND ds = 0 THEN
    RETURN NULL\073
  END IF\073
  UPDATE stories SET rating_count = rating_count + dn, rating_sum = rating_sum + ds,
    helpful_score = reader_helpful_score(rating_count + dn, rating_sum + ds)
  WHERE id = target\073
  RETURN NULL\073
END';
CREATE TRIGGER "reader_ratings_counts"
  AFTER INSERT OR DELETE OR UPDATE OF "stars" ON "reader_ratings"
  FOR EACH ROW EXECUTE FUNCTION "reader_ratings_track"();
