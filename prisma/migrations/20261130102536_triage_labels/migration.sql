-- Triage that learns from its moderators (issue 15): each item's final level and categories as a
-- moderator corrected or confirmed them, with what triage said then. Erased with the item.

-- CreateEnum
CREATE TYPE "TriageLabelSource" AS ENUM ('confirmed', 'corrected');

-- CreateTable
CREATE TABLE "triage_labels" (
    "story_id" UUID NOT NULL,
    "level" "TriageLevel" NOT NULL,
    "categories" TEXT[],
    "source" "TriageLabelSource" NOT NULL,
    "triage_level" "TriageLevel" NOT NULL,
    "triage_categories" TEXT[],
    "triage_model" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "triage_labels_pkey" PRIMARY KEY ("story_id")
);

-- AddForeignKey
ALTER TABLE "triage_labels" ADD CONSTRAINT "triage_labels_story_id_fkey" FOREIGN KEY ("story_id") REFERENCES "stories"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
