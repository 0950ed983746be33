-- id: fout_sql
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
SELECT 'portal_photos' AS table_name, photo_id AS record_key, _file, _row,
       'm' AS message_nl, 'm' AS message_en
FROM portal_photos
WHERE posted_at > getvariable('as_of') +
