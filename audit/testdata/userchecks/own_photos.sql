-- id: own_photos
-- title.nl: Eigen controle own_photos
-- title.en: Own check own_photos
-- severity: low
-- area: eigen
-- source: eigen beleid
-- requires: portal_photos
-- why.nl: Waarom dit ertoe doet.
-- why.en: Why this matters.
-- fix.nl: Zo los je het op.
-- fix.en: How to fix this.

SELECT 'portal_photos' AS table_name, photo_id AS record_key, _file, _row,
       'Foto gevonden.' AS message_nl, 'Photo found.' AS message_en
FROM portal_photos
ORDER BY _file, _row
