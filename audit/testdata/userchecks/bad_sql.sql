-- id: bad_sql
-- title.nl: Eigen controle bad_sql
-- title.en: Own check bad_sql
-- severity: low
-- area: eigen
-- source: eigen beleid
-- requires: portal_photos
-- why.nl: Waarom dit ertoe doet.
-- why.en: Why this matters.
-- fix.nl: Zo los je het op.
-- fix.en: How to fix this.
SELECT 'portal_photos' AS table_name, photo_id AS record_key, _file, _row,
       'm' AS message_nl, 'm' AS message_en
FROM portal_fotos
