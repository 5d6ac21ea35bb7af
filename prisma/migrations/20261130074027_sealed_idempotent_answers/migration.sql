-- No usable secret at rest (issue 13, item 2): the Idempotency-Key is kept only as a hash and the
-- stored answer (a 201 carries the manage token) only sealed under a key derived from the
-- Idempotency-Key and the request. Answers stored before this migration hold tokens in clear and
-- cannot be sealed without the client's key, so they are dropped (hand-written): a retry of a request
-- made before the upgrade runs again.
DELETE FROM "idempotency_keys";

-- AlterTable
ALTER TABLE "idempotency_keys" DROP CONSTRAINT "idempotency_keys_pkey",
DROP COLUMN "key",
DROP COLUMN "response_body",
ADD COLUMN     "key_hash" TEXT NOT NULL,
ADD COLUMN     "response_sealed" BYTEA,
ADD CONSTRAINT "idempotency_keys_pkey" PRIMARY KEY ("scope", "key_hash");
