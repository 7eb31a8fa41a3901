-- The catalog's counts were recounted after every statement on "CollectionProduct", even one that
-- touched no row (a product form saving the same collections deletes and re-inserts nothing new).
-- A CSV import changing 10,000 prices ran 20,000 whole recounts. Now a recount runs only when a
-- statement inserted or deleted a link, or moved one to another product or collection. (PostgreSQL
-- allows transition tables on a trigger of one event only: one trigger per event.)
DROP TRIGGER catalog_counts_collection_product ON "CollectionProduct";

CREATE FUNCTION catalog_counts_links_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM new_rows) THEN
    PERFORM catalog_counts_refresh();
  END IF;
  RETURN NULL;
END $$;

CREATE FUNCTION catalog_counts_links_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM old_rows) THEN
    PERFORM catalog_counts_refresh();
  END IF;
  RETURN NULL;
END $$;

CREATE FUNCTION catalog_counts_links_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (
    SELECT 1 FROM old_rows o FULL JOIN new_rows n ON n."productId" = o."productId" AND n."collectionId" = o."collectionId"
    WHERE o."productId" IS NULL OR n."productId" IS NULL
  ) THEN
    PERFORM catalog_counts_refresh();
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER catalog_counts_links_insert AFTER INSERT ON "CollectionProduct"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION catalog_counts_links_inserted();
CREATE TRIGGER catalog_counts_links_delete AFTER DELETE ON "CollectionProduct"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION catalog_counts_links_deleted();
CREATE TRIGGER catalog_counts_links_update AFTER UPDATE ON "CollectionProduct"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION catalog_counts_links_updated();
CREATE TRIGGER catalog_counts_links_truncate AFTER TRUNCATE ON "CollectionProduct"
  FOR EACH STATEMENT EXECUTE FUNCTION catalog_counts_recount();
