-- What customer search's second index holds for a row (0034): the search text's trigrams
-- (pg_trgm's, so a word holding a needle of letters and digits holds each of the needle's
-- three-character windows), plus the folded last name as one "=name" key. The key lets a
-- search for a name thousands share ask the index for the other matches only
-- ("gag & agn & gno & non & !=gagnon"), while those who have the name come in list order
-- from the folded last-name index. Names are cut to 200 characters (a key holds at most
-- 2 kB); the code never asks this for a needle that long. Its search_path is its own:
-- PostgreSQL 17 (PGlite) builds indexes with only pg_catalog on the path, where
-- parley_fold() and show_trgm() are not.
CREATE OR REPLACE FUNCTION parley_search_grams(search_text text, last_name text) RETURNS tsvector
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE SET search_path FROM CURRENT
AS $$
  SELECT array_to_tsvector(show_trgm(search_text) || ('=' || left(parley_fold(last_name), 200)))
$$;--> statement-breakpoint
-- A tsquery lexeme taken as it is (quoted, its quotes and backslashes escaped).
CREATE OR REPLACE FUNCTION parley_tsquery_lexeme(value text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$
  SELECT '''' || replace(replace(value, '\', '\\'), '''', '''''') || ''''
$$;--> statement-breakpoint
-- The query for parley_search_grams: rows whose text has every three-character window of
-- the needle (letters and digits only) and whose folded last name is not the needle itself.
CREATE OR REPLACE FUNCTION parley_search_grams_query(needle text) RETURNS tsquery
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE SET search_path FROM CURRENT
AS $$
  SELECT (coalesce(string_agg(parley_tsquery_lexeme(substr(l, i, 3)), ' & ') || ' & ', '') || '!' || parley_tsquery_lexeme('=' || needle))::tsquery
  FROM (SELECT lower(needle) AS l) n LEFT JOIN generate_series(1, char_length(l) - 2) i ON true
$$;
