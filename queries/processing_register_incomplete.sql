-- id: processing_register_incomplete
-- title.nl: Verwerkingsregister onvolledig
-- title.en: Register of processing activities incomplete
-- severity: medium
-- area: verwerkingsregister
-- source: AVG art. 30 lid 1 (register van verwerkingsactiviteiten: doeleinden, categorieën van
--   betrokkenen en van persoonsgegevens, ontvangers, doorgifte buiten de EER, waar mogelijk
--   bewaartermijnen en beveiligingsmaatregelen) en art. 5 lid 2 (verantwoordingsplicht)
-- requires: processing_activities
-- reads: processing_activities(activity, purpose, data_subjects, data_categories, recipients?, transfers?, systems, retention, security?), processors(system, in_use?)
-- impact: 2
-- impact.why.nl: een gat in de documentatie: het verbergt risico's meer dan dat het zelf schade
--   doet
-- impact.why.en: a documentation gap: it hides risks rather than causing harm itself
-- population: processing_activities
-- why.nl: Het verwerkingsregister moet elke verwerking van persoonsgegevens beschrijven met wat art. 30
--   lid 1 AVG vraagt: de doeleinden, de categorieën van betrokkenen en van persoonsgegevens, de
--   ontvangers, de doorgifte naar landen buiten de EER, en waar mogelijk de bewaartermijnen en de
--   beveiligingsmaatregelen. "Geen" is een antwoord bij ontvangers en doorgifte, een leeg veld niet. Een
--   systeem dat in gebruik is maar bij geen enkele verwerking staat, verwerkt gegevens zonder dat vastligt
--   waarvoor. De grondslag per verwerking is geen eis van art. 30 maar goede praktijk; die meldt
--   processing_register_basis.
-- why.en: The register of processing activities must describe every processing of personal data with
--   what art. 30(1) GDPR asks: the purposes, the categories of data subjects and of personal data, the
--   recipients, transfers to countries outside the EEA, and where possible the retention periods and the
--   security measures. "None" is an answer for recipients and transfers, an empty field is not. A system
--   in use that appears in no activity processes data without a recorded purpose. A legal basis per
--   activity is not an art. 30 requirement but good practice; processing_register_basis reports it.
-- fix.nl: Neem het systeem op in de kolom systemen van de verwerking(en) waarvoor het wordt gebruikt, of
--   voeg een verwerking toe; vul bij elke verwerking de ontbrekende onderdelen van art. 30 in.
-- fix.en: Add the system to the systems column of the activities it serves, or add an activity; fill in
--   the missing art. 30 elements of every activity.
-- columns.nl: Probleem, Systeem, Ontbrekende velden
-- columns.en: Problem, System, Missing fields
-- codes:
--   problem:
--     system_not_registered: systeem niet in het verwerkingsregister | system not in the register of processing activities
--     missing_fields: verwerking onvolledig beschreven | activity incompletely described
--   missing_fields:
--     purpose: doel | purpose
--     data_subjects: categorieën betrokkenen | categories of data subjects
--     data_categories: categorieën persoonsgegevens | categories of personal data
--     recipients: ontvangers | recipients
--     transfers: doorgifte buiten de EER | transfers outside the EEA
--     retention: bewaartermijn | retention period
--     security: beveiligingsmaatregelen | security measures
WITH registered AS (
    -- Every system any activity names (comma or semicolon separated).
    SELECT DISTINCT lower(trim(s)) AS k
    FROM processing_activities, unnest(regexp_split_to_array(coalesce(systems, ''), '[,;]')) AS t(s)
    WHERE trim(s) <> ''
),
exported AS (
    -- Systems the exports come from are in use by definition.
    SELECT lower(trim(product)) AS k, min(trim(product)) AS name
    FROM _systems WHERE system IN ('admin', 'portal', 'tracking')
    GROUP BY lower(trim(product))
),
register_rows AS (
    -- The processor register row to point to per system in use (a system may
    -- have an old and a renewed row; one marked in use is preferred).
    SELECT lower(trim(system)) AS k, trim(system) AS name, _file, _row,
           row_number() OVER (PARTITION BY lower(trim(system)) ORDER BY coalesce(in_use, false) DESC, _file, _row) AS rn
    FROM processors
    WHERE in_use OR (in_use IS NULL AND _file NOT IN (SELECT file FROM _columns WHERE table_name = 'processors' AND column_name = 'in_use'))
       OR lower(trim(system)) IN (SELECT k FROM exported)
),
in_use AS (
    SELECT coalesce(r.k, e.k) AS k, coalesce(r.name, e.name) AS name,
           CASE WHEN r.k IS NOT NULL THEN 'processors' ELSE 'manifest' END AS table_name,
           coalesce(r._file, 'manifest.yaml') AS _file, coalesce(r._row, 0) AS _row
    FROM (SELECT * FROM register_rows WHERE rn = 1) r
    FULL JOIN exported e ON e.k = r.k
),
unregistered AS (
    SELECT u.table_name, u.name AS record_key, u._file, u._row,
           u.name || ' is in gebruik maar staat bij geen enkele verwerking in het verwerkingsregister; neem het op bij de verwerking(en) waarvoor het wordt gebruikt.' AS message_nl,
           u.name || ' is in use but is listed under no activity in the register of processing activities; add it to the activities it serves.' AS message_en,
           'system_not_registered' AS problem, u.name AS system, NULL AS missing_fields
    FROM in_use u
    WHERE u.k NOT IN (SELECT k FROM registered)
),
blanks AS (
    -- A field holding only a placeholder (a dash, a question mark, n.v.t.,
    -- onbekend, nog invullen, ...) is as good as empty. "Geen" (none) is a
    -- placeholder for the purpose, the categories, the retention period and
    -- the security measures, but an answer for recipients and transfers.
    SELECT a.*,
           list_filter([
               CASE WHEN regexp_full_match(lower(coalesce(purpose, '')), '\s*([-?]|n\.?v\.?t\.?|n/a|onbekend|unknown|nog (in te vullen|invullen|bepalen|niet bekend)|tbd|todo|geen|none)?\s*') THEN 'purpose' END,
               CASE WHEN regexp_full_match(lower(coalesce(data_subjects, '')), '\s*([-?]|n\.?v\.?t\.?|n/a|onbekend|unknown|nog (in te vullen|invullen|bepalen|niet bekend)|tbd|todo|geen|none)?\s*') THEN 'data_subjects' END,
               CASE WHEN regexp_full_match(lower(coalesce(data_categories, '')), '\s*([-?]|n\.?v\.?t\.?|n/a|onbekend|unknown|nog (in te vullen|invullen|bepalen|niet bekend)|tbd|todo|geen|none)?\s*') THEN 'data_categories' END,
               CASE WHEN recipients_mapped AND regexp_full_match(lower(coalesce(recipients, '')), '\s*([-?]|n\.?v\.?t\.?|n/a|onbekend|unknown|nog (in te vullen|invullen|bepalen|niet bekend)|tbd|todo)?\s*') THEN 'recipients' END,
               CASE WHEN transfers_mapped AND regexp_full_match(lower(coalesce(transfers, '')), '\s*([-?]|n\.?v\.?t\.?|n/a|onbekend|unknown|nog (in te vullen|invullen|bepalen|niet bekend)|tbd|todo)?\s*') THEN 'transfers' END,
               CASE WHEN regexp_full_match(lower(coalesce(retention, '')), '\s*([-?]|n\.?v\.?t\.?|n/a|onbekend|unknown|nog (in te vullen|invullen|bepalen|niet bekend)|tbd|todo|geen|none)?\s*') THEN 'retention' END,
               CASE WHEN security_mapped AND regexp_full_match(lower(coalesce(security, '')), '\s*([-?]|n\.?v\.?t\.?|n/a|onbekend|unknown|nog (in te vullen|invullen|bepalen|niet bekend)|tbd|todo|geen|none)?\s*') THEN 'security' END
           ], x -> x IS NOT NULL) AS missing
    FROM processing_activities a,
         -- A column the export does not have is not reported per activity:
         -- the audit marks the check incomplete instead.
         (SELECT bool_or(column_name = 'recipients') AS recipients_mapped,
                 bool_or(column_name = 'transfers') AS transfers_mapped,
                 bool_or(column_name = 'security') AS security_mapped
          FROM _columns WHERE table_name = 'processing_activities') m
),
named AS (
    SELECT *,
           list_transform(missing, x -> CASE x WHEN 'purpose' THEN 'het doel' WHEN 'data_subjects' THEN 'de categorieën betrokkenen'
               WHEN 'data_categories' THEN 'de categorieën persoonsgegevens' WHEN 'recipients' THEN 'de ontvangers'
               WHEN 'transfers' THEN 'de doorgifte buiten de EER' WHEN 'retention' THEN 'de bewaartermijn'
               ELSE 'de beveiligingsmaatregelen' END) AS nl,
           list_transform(missing, x -> CASE x WHEN 'purpose' THEN 'purpose' WHEN 'data_subjects' THEN 'categories of data subjects'
               WHEN 'data_categories' THEN 'categories of personal data' WHEN 'recipients' THEN 'recipients'
               WHEN 'transfers' THEN 'transfers outside the EEA' WHEN 'retention' THEN 'retention period'
               ELSE 'security measures' END) AS en
    FROM blanks
    WHERE len(missing) > 0
),
incomplete AS (
    SELECT 'processing_activities', activity, _file, _row,
           'Bij de verwerking ' || activity || CASE WHEN len(nl) = 1 THEN ' ontbreekt ' ELSE ' ontbreken ' END ||
               CASE WHEN len(nl) = 1 THEN nl[1] ELSE array_to_string(nl[1:len(nl) - 1], ', ') || ' en ' || nl[len(nl)] END
               || ' (AVG art. 30 lid 1); vul dit aan in het verwerkingsregister.',
           'The activity ' || activity || ' lacks its ' ||
               CASE WHEN len(en) = 1 THEN en[1] ELSE array_to_string(en[1:len(en) - 1], ', ') || ' and ' || en[len(en)] END
               || ' (GDPR art. 30(1)); complete it in the register of processing activities.',
           'missing_fields', NULL, array_to_string(missing, ', ')
    FROM named
)
SELECT * FROM unregistered
UNION ALL
SELECT * FROM incomplete
ORDER BY table_name, record_key, _file, _row
