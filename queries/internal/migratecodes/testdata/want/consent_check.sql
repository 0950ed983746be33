-- id: consent_check
-- title.nl: Titel
-- title.en: Title
-- codes:
--   problem:
--     late: te laat | late
--   consent_type:
--     transport: vervoer | transport
SELECT 'c' AS table_name, 'k' AS record_key, '' AS _file, 0 AS _row, 'problem' AS message_nl, 'm' AS message_en,
    consent_type, 'late' AS problem
FROM consents
