-- Case- and accent-folded text for audience rules and search: "Cote" finds "Côté".
-- Immutable, so trigram indexes are built on it (0017); PGlite has no unaccent, so it
-- decomposes (NFD) and drops the combining marks. Plain ASCII, most names, takes the
-- lower() fast path.
CREATE OR REPLACE FUNCTION parley_fold(value text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$
  SELECT CASE WHEN octet_length(value) = char_length(value) THEN lower(value)
  ELSE lower(replace(replace(replace(replace(replace(
    regexp_replace(normalize(value, NFD), E'[\\u0300-\\u036f]', '', 'g'),
    'Œ', 'OE'), 'œ', 'oe'), 'Æ', 'AE'), 'æ', 'ae'), 'ß', 'ss'))
  END
$$;
