-- id: other_check
-- title.nl: Titel
-- title.en: Title
SELECT 'none' AS table_name, 'k' AS record_key, '' AS _file, 0 AS _row, 'problem' AS message_nl, 'm' AS message_en
FROM t
