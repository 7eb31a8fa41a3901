-- Search (lib/catalog/search.ts): trigram similarity for typos ("cashmir"), beside PostgreSQL's full-text
-- search with English stemming, which needs no extension. In the public schema, where the search calls it
-- (public.word_similarity), whatever schema the shop's tables are in. pg_trgm is a trusted extension: the
-- shop's own database role may create it. Written by hand: Prisma's schema does not list extensions.
CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public;
