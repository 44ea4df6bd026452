-- AlterTable (edited by hand: the column schema.prisma declares as Unsupported("tsvector")? is generated
-- by PostgreSQL, so search needs no per-query to_tsvector and ts_rank reads the stored vector)
ALTER TABLE "Article" ADD COLUMN "searchVector" tsvector
  GENERATED ALWAYS AS (setweight(to_tsvector('simple', "searchTitle"), 'A') || setweight(to_tsvector('simple', "searchBody"), 'B')) STORED;

-- Hand-written: the search index now covers the stored vector.
DROP INDEX "hw_article_search";
CREATE INDEX "hw_article_search" ON "Article" USING gin ("searchVector");
