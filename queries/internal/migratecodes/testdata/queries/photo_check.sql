-- id: photo_check
-- title.nl: Titel
-- title.en: Title
-- columns.nl: Probleem
-- columns.en: Problem
SELECT 'photos' AS table_name, 'k' AS record_key, '' AS _file, 0 AS _row, 'm' AS message_nl, 'm' AS message_en,
    CASE WHEN x THEN 'refused' ELSE problem END AS problem
FROM t
