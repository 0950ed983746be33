-- id: eigen_foto
-- title.nl: Foto's in het dagboek
-- title.en: Photos in the diary
-- severity: low
-- area: eigen
-- source: eigen privacybeleid
-- requires: portal_photos
-- why.nl: Elke foto in het dagboek willen we kunnen verantwoorden.
-- why.en: We want to account for every photo in the diary.
-- fix.nl: Bekijk de foto en verwijder hem als hij niet nodig is.
-- fix.en: Review the photo and remove it if it is not needed.
-- columns.nl: Groep
-- columns.en: Group
SELECT 'portal_photos' AS table_name, photo_id AS record_key, _file, _row,
       'Foto ' || photo_id || ' staat in het dagboek.' AS message_nl,
       'Photo ' || photo_id || ' is in the diary.' AS message_en,
       group_name
FROM portal_photos
ORDER BY _file, _row
