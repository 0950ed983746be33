-- id: child_data_mismatch
-- title.nl: Gegevens van een kind verschillen tussen administratie en ander systeem
-- title.en: A child's details differ between the administration and another system
-- severity: medium
-- area: juistheid
-- source: AVG art. 5 lid 1 sub d (juistheid) en art. 16 (recht op rectificatie)
-- requires: admin_children, portal_children | tracking_children
-- reads: admin_children(child_id, first_name, name_prefix?~, last_name, birth_date), portal_children(portal_child_id, child_id, first_name?, name_prefix?~, last_name?, birth_date), tracking_children(tracking_child_id, child_id, first_name?, name_prefix?~, last_name?, birth_date)
-- impact: 2
-- impact.why.nl: een verkeerde naam of geboortedatum leidt vooral tot verwisselingen; de schade
--   voor het kind is beperkt en te herstellen
-- impact.why.en: a wrong name or birth date mostly causes mix-ups; harm to the child is limited and
--   correctable
-- population: portal_children
-- why.nl: Persoonsgegevens moeten juist zijn. Hetzelfde kind (gekoppeld via het kindnummer van de
--   administratie) met een andere geboortedatum of naam in het ouderportaal of kindvolgsysteem wijst op
--   een fout in een van de systemen of op een verkeerde koppeling: dan komen observaties, foto's of
--   berichten bij het verkeerde kind of de verkeerde ouders terecht. Hoofdletters, spaties en de plaats
--   van het tussenvoegsel (een eigen kolom of in de achternaam) tellen niet mee; een export die nergens
--   een tussenvoegsel geeft, heeft ze weggelaten, en daar telt alleen de rest van de achternaam.
-- why.en: Personal data must be accurate. The same child (linked by the administration's child number)
--   with another birth date or name in the parent portal or child tracking points to an error in one of
--   the systems or to a wrong link: observations, photos or messages then end up with the wrong child
--   or the wrong parents. Case, spacing and where the name prefix (tussenvoegsel) is kept (its own
--   column or inside the last name) do not count; an export that gives no prefix anywhere left them
--   out, and there only the rest of the last name counts.
-- fix.nl: Vergelijk het kind in beide systemen, stel vast welk gegeven juist is en corrigeer het andere
--   systeem; klopt de koppeling niet, corrigeer dan het kindnummer.
-- fix.en: Compare the child in both systems, establish which detail is right and correct the other
--   system; if the link is wrong, correct the child number.
-- columns.nl: Kindnummer administratie, Probleem
-- columns.en: Administration child number, Problem
-- codes:
--   problem:
--     birth_date: geboortedatum wijkt af | birth date differs
--     first_name: voornaam wijkt af | first name differs
--     last_name: achternaam wijkt af | last name differs
--     name: voor- en achternaam wijken af | first and last name differ
WITH products AS (
    SELECT system, string_agg(DISTINCT product, ', ' ORDER BY product) AS product
    FROM _systems GROUP BY system
),
exported AS (
    SELECT 'admin_children' AS table_name, 'admin' AS system, child_id AS record_key, _file, _row,
           child_id, birth_date, first_name, name_prefix, last_name
    FROM admin_children
    UNION ALL
    SELECT 'portal_children', 'portal', portal_child_id, _file, _row, child_id, birth_date, first_name, name_prefix, last_name
    FROM portal_children
    UNION ALL
    SELECT 'tracking_children', 'tracking', tracking_child_id, _file, _row, child_id, birth_date, first_name, name_prefix, last_name
    FROM tracking_children
),
spelled AS (
    -- The full last name holds the tussenvoegsel, whether exported apart
    -- (name_prefix) or inside the last name, also when written after it:
    -- "de" + "Vries", "de Vries" and "Vries, de" are one name.
    SELECT * REPLACE (
        CASE WHEN trim(last_name) <> '' THEN
            concat_ws(' ', name_prefix, regexp_replace(last_name, '^([^,]+),([^,]+)$', '\2 \1'))
        END AS last_name)
    FROM exported
),
named AS (
    -- Names compare without case, spacing or the kind of apostrophe ("van ’t").
    SELECT * REPLACE (
        nullif(lower(trim(regexp_replace(replace(first_name, '’', ''''), '\s+', ' ', 'g'))), '') AS first_name,
        nullif(lower(trim(regexp_replace(replace(last_name, '’', ''''), '\s+', ' ', 'g'))), '') AS last_name)
    FROM spelled
),
prefixless AS (
    -- An export that gives no tussenvoegsel at all, neither in a column of
    -- its own nor in any last name, left it out (a column that was not
    -- exported or not mapped): its "Vries" says nothing against "de Vries",
    -- so last names are compared without their tussenvoegsels there.
    SELECT _file FROM named GROUP BY _file
    HAVING NOT bool_or(coalesce(trim(name_prefix), '') <> '')
       AND NOT bool_or(regexp_matches(coalesce(last_name, ''), '^(van|de|den|der|het|ten|ter|te|in|op|aan|uit|d''|''t|''s)\s'))
),
bare AS (
    SELECT *, regexp_replace(last_name, '^((van|de|den|der|het|ten|ter|te|in|op|aan|uit|d''|''t|''s)\s+)+', '') AS bare_last_name,
           _file IN (SELECT _file FROM prefixless) AS prefix_left_out
    FROM named
),
compared AS (
    -- A child may be in several administration exports: a detail differs
    -- only when no administration record of the child agrees with it.
    SELECT o.table_name, o.system, o.record_key, o._file, o._row, o.child_id,
           bool_or(o.birth_date IS NOT NULL AND a.birth_date IS NOT NULL) AND NOT bool_or(o.birth_date = a.birth_date) AS birth_date_differs,
           bool_or((o.first_name IS NOT NULL AND a.first_name IS NOT NULL) OR (o.last_name IS NOT NULL AND a.last_name IS NOT NULL))
               AND NOT bool_or(coalesce(o.first_name = a.first_name, true) AND coalesce(CASE WHEN o.prefix_left_out OR a.prefix_left_out THEN o.bare_last_name = a.bare_last_name ELSE o.last_name = a.last_name END, true)) AS name_differs,
           NOT bool_or(coalesce(o.first_name = a.first_name, true)) AS first_name_differs,
           NOT bool_or(coalesce(CASE WHEN o.prefix_left_out OR a.prefix_left_out THEN o.bare_last_name = a.bare_last_name ELSE o.last_name = a.last_name END, true)) AS last_name_differs
    FROM bare o
    JOIN bare a ON a.system = 'admin' AND a.child_id = o.child_id
    WHERE o.system <> 'admin'
    GROUP BY ALL
),
problems AS (
    SELECT *, 'birth_date' AS problem FROM compared WHERE birth_date_differs
    UNION ALL
    -- Which part of the name differs: 'name' when both do, or when each
    -- agrees only with another administration record of the child.
    SELECT *, CASE WHEN first_name_differs AND NOT last_name_differs THEN 'first_name'
                   WHEN last_name_differs AND NOT first_name_differs THEN 'last_name'
                   ELSE 'name' END
    FROM compared WHERE name_differs
),
labelled AS (
    SELECT p.*,
           CASE p.problem WHEN 'birth_date' THEN 'De geboortedatum' WHEN 'first_name' THEN 'De voornaam'
               WHEN 'last_name' THEN 'De achternaam' ELSE 'De naam (voor- en achternaam)' END AS what_nl,
           CASE p.problem WHEN 'birth_date' THEN 'The birth date' WHEN 'first_name' THEN 'The first name'
               WHEN 'last_name' THEN 'The last name' ELSE 'The name (first and last name)' END AS what_en,
           'de administratie' || coalesce(' (' || pa.product || ')', '') AS admin_nl,
           'the administration' || coalesce(' (' || pa.product || ')', '') AS admin_en,
           CASE p.system WHEN 'portal' THEN 'het ouderportaal' ELSE 'het kindvolgsysteem' END || coalesce(' (' || po.product || ')', '') AS other_nl,
           CASE p.system WHEN 'portal' THEN 'the parent portal' ELSE 'the child-tracking system' END || coalesce(' (' || po.product || ')', '') AS other_en
    FROM problems p
    LEFT JOIN products pa ON pa.system = 'admin'
    LEFT JOIN products po ON po.system = p.system
)
SELECT
    table_name, record_key, _file, _row,
    what_nl || ' van kind ' || child_id || ' verschilt tussen ' || admin_nl || ' en ' || other_nl ||
        '; stel vast welke juist is en corrigeer de andere.' AS message_nl,
    what_en || ' of child ' || child_id || ' differs between ' || admin_en || ' and ' || other_en ||
        '; establish which is right and correct the other.' AS message_en,
    coalesce(pp.location, tp.location) AS location, coalesce(pp.group_name, tp.group_name) AS group_name,
    child_id, problem
FROM labelled l
LEFT JOIN portal_child_place() pp ON l.table_name = 'portal_children' AND pp.portal_child_id = l.record_key
LEFT JOIN tracking_child_place() tp ON l.table_name = 'tracking_children' AND tp.tracking_child_id = l.record_key
ORDER BY table_name, _file, _row, problem
