-- id: bsn_as_identifier
-- title.nl: BSN gebruikt als inlognaam of kindnummer
-- title.en: BSN used as a username or child number
-- severity: high
-- area: bsn
-- source: UAVG art. 46 (BSN alleen waar een wet dat voorschrijft); AVG art. 5 lid 1 sub c (minimale
--   gegevensverwerking)
-- requires: accounts | portal_children | tracking_children | portal_guardians | portal_notes |
--   portal_consents | portal_photos | tracking_observations | tracking_transfers
-- reads: accounts(system, username), admin_children(bsn?), portal_children(portal_child_id, child_id?), tracking_children(tracking_child_id, child_id?), portal_consents(portal_child_id), portal_guardians(portal_child_id), portal_notes(portal_child_id), portal_photos(portal_child_id), tracking_observations(tracking_child_id), tracking_transfers(tracking_child_id)
-- impact: 5
-- impact.why.nl: het BSN komt op schermen, in exports en in koppelingen terecht en stelt kinderen
--   hun leven lang bloot aan identiteitsfraude
-- impact.why.en: the BSN ends up on screens, exports and links, exposing children to identity fraud for
--   life
-- population: portal_children
-- why.nl: Het BSN mag alleen worden gebruikt waar een wet dat voorschrijft; voor een kinderopvang zijn
--   dat de gegevens voor de kinderopvangtoeslag en de gemeentelijke tegemoetkoming in de administratie.
--   Een BSN als inlognaam of als kindnummer in het ouderportaal of het kindvolgsysteem is daarom
--   verboden, ook met toestemming van de ouders: het nummer komt dan op schermen, in exports en in
--   koppelingen terecht. Een waarde geldt als BSN als die (zonder spaties en punten)
--   gelijk is aan een BSN uit de administratie, of uit negen cijfers bestaat die de elfproef doorstaan;
--   gebruikt het systeem zelf ook nummers van negen cijfers, dan moet minstens de helft daarvan de
--   elfproef doorstaan (één op de elf nummers doet dat toevallig).
-- why.en: The BSN may only be used where a law requires it; for childcare those are the records for the
--   childcare benefit and the municipal contribution in the administration. A BSN as a username or as a
--   child number in the parent portal or the child-tracking system is therefore forbidden, even with the
--   parents' consent: the number ends up on screens, in exports and in links between systems. A value counts as a
--   BSN when (without spaces and dots) it equals a BSN in the administration, or is nine digits that
--   pass the 11-check; where the system also uses 9-digit numbers of its own, at least half of them
--   must pass (one number in eleven does so by chance).
-- fix.nl: Geef het account een andere inlognaam, of laat de leverancier het kind een eigen nummer geven
--   (of koppel met het kindnummer van de administratie) en het BSN uit het systeem verwijderen.
-- fix.en: Give the account another username, or have the vendor give the child its own number (or link
--   with the administration's child number) and delete the BSN from the system.
-- columns.nl: Probleem, Kolom
-- columns.en: Problem, Column
-- codes:
--   problem:
--     login: BSN als inlognaam | BSN as username
--     key: BSN als kindnummer | BSN as child number
WITH admin_bsn AS (
    SELECT DISTINCT bsn FROM admin_children WHERE bsn IS NOT NULL
),
ids AS (
    -- Every value that may identify a person or child (raw; of a login the
    -- part before any '@'), with the key of its record (own_key; for
    -- accounts the system).
    SELECT 'accounts' AS table_name, 'username' AS id_column, split_part(username, '@', 1) AS raw,
           system AS own_key, _file, _row
    FROM accounts
    UNION ALL SELECT 'portal_children', 'portal_child_id', portal_child_id, portal_child_id, _file, _row FROM portal_children
    UNION ALL SELECT 'portal_children', 'child_id', child_id, portal_child_id, _file, _row FROM portal_children
    UNION ALL SELECT 'tracking_children', 'tracking_child_id', tracking_child_id, tracking_child_id, _file, _row FROM tracking_children
    UNION ALL SELECT 'tracking_children', 'child_id', child_id, tracking_child_id, _file, _row FROM tracking_children
    -- Tables that only refer to a child count when the child is not in
    -- portal_children or tracking_children (where it is reported already).
    UNION ALL SELECT 'portal_guardians', 'portal_child_id', portal_child_id, portal_child_id, _file, _row FROM portal_guardians
    UNION ALL SELECT 'portal_notes', 'portal_child_id', portal_child_id, portal_child_id, _file, _row FROM portal_notes
    UNION ALL SELECT 'portal_consents', 'portal_child_id', portal_child_id, portal_child_id, _file, _row FROM portal_consents
    UNION ALL SELECT 'portal_photos', 'portal_child_id', portal_child_id, portal_child_id, _file, _row FROM portal_photos
    UNION ALL SELECT 'tracking_observations', 'tracking_child_id', tracking_child_id, tracking_child_id, _file, _row FROM tracking_observations
    UNION ALL SELECT 'tracking_transfers', 'tracking_child_id', tracking_child_id, tracking_child_id, _file, _row FROM tracking_transfers
),
reduced AS (
    -- Reduced like a BSN: spaces, dots and dashes removed.
    SELECT *, regexp_replace(raw, '[\s.\-]', '', 'g') AS x, regexp_replace(own_key, '[\s.\-]', '', 'g') AS own_x
    FROM ids WHERE raw IS NOT NULL
),
bsn_like AS (
    -- The reduced values that may be a BSN: 9 digits passing the 11-check,
    -- or a BSN of the administration (also one that fails the check, or
    -- lost its leading zero). Used to mask record keys.
    SELECT DISTINCT v AS x, v IN (SELECT bsn FROM admin_bsn) OR '0' || v IN (SELECT bsn FROM admin_bsn) AS in_admin
    FROM (SELECT x AS v FROM reduced UNION ALL SELECT own_x FROM reduced) AS vals
    WHERE valid_bsn(v)
       OR v IN (SELECT bsn FROM admin_bsn)
       OR (regexp_full_match(v, '[0-9]{8}') AND '0' || v IN (SELECT bsn FROM admin_bsn))
),
column_stats AS (
    -- One in eleven 9-digit numbers passes the 11-check by chance, so in a
    -- column (for accounts: of one system) that also holds 9-digit numbers
    -- of the system's own, a passing value only counts when at least half
    -- of those numbers pass. A value equal to a BSN of the administration
    -- always counts, and is left out of this tally.
    SELECT r.table_name, r.id_column, CASE WHEN r.table_name = 'accounts' THEN r.own_key END AS part,
           count(*) FILTER (WHERE regexp_full_match(r.x, '[0-9]{9}')) AS numbers,
           count(*) FILTER (WHERE valid_bsn(r.x)) AS passing
    FROM reduced r
    WHERE r.x NOT IN (SELECT x FROM bsn_like WHERE in_admin)
    GROUP BY ALL
),
hits AS (
    SELECT r.*,
           -- The record's own key, unless that key may be a BSN: then only
           -- its last four digits, as everywhere in avgaudit's reports.
           CASE
               WHEN r.table_name = 'accounts' THEN r.own_key || '/*****' || right(r.x, 4)
               WHEN r.own_x IN (SELECT x FROM bsn_like) THEN '*****' || right(r.own_x, 4)
               ELSE r.own_key
           END AS masked_key,
           row_number() OVER (PARTITION BY r.table_name, r.id_column, r.x ORDER BY r._file, r._row) AS nth
    FROM reduced r
    JOIN bsn_like b ON b.x = r.x
    LEFT JOIN column_stats c ON c.table_name = r.table_name AND c.id_column = r.id_column
        AND c.part IS NOT DISTINCT FROM CASE WHEN r.table_name = 'accounts' THEN r.own_key END
    WHERE b.in_admin OR 2 * c.passing >= c.numbers
),
findings AS (
    SELECT * FROM hits
    WHERE table_name IN ('accounts', 'portal_children', 'tracking_children')
       OR (nth = 1
           AND NOT (table_name LIKE 'portal%' AND raw IN (SELECT portal_child_id FROM portal_children))
           AND NOT (table_name LIKE 'tracking%' AND raw IN (SELECT tracking_child_id FROM tracking_children)))
),
texts(kind, nl, en) AS (
    -- {system} is the account's system; {column} the column holding the BSN.
    VALUES
    ('login', 'Deze inlognaam voor {system} is een burgerservicenummer; geef het account een inlognaam zonder BSN.',
              'This username for {system} is a citizen service number (BSN); give the account a username without a BSN.'),
    ('portal_key', 'Het ouderportaal gebruikt een burgerservicenummer als kindnummer ({column}); laat de leverancier een eigen kindnummer gebruiken en het BSN verwijderen.',
                   'The parent portal uses a citizen service number (BSN) as its child number ({column}); have the vendor use a child number of its own and delete the BSN.'),
    ('tracking_key', 'Het kindvolgsysteem gebruikt een burgerservicenummer als kindnummer ({column}); laat de leverancier een eigen kindnummer gebruiken en het BSN verwijderen.',
                     'The child-tracking system uses a citizen service number (BSN) as its child number ({column}); have the vendor use a child number of its own and delete the BSN.'),
    ('portal_link', 'Het ouderportaal bewaart een burgerservicenummer als kindnummer van de administratie (child_id); koppel met het kindnummer van de administratie en laat het BSN verwijderen.',
                    'The parent portal keeps a citizen service number (BSN) as the administration''s child number (child_id); link with the administration''s child number and have the BSN deleted.'),
    ('tracking_link', 'Het kindvolgsysteem bewaart een burgerservicenummer als kindnummer van de administratie (child_id); koppel met het kindnummer van de administratie en laat het BSN verwijderen.',
                      'The child-tracking system keeps a citizen service number (BSN) as the administration''s child number (child_id); link with the administration''s child number and have the BSN deleted.')
)
SELECT
    f.table_name,
    f.masked_key AS record_key,
    f._file, f._row,
    replace(replace(t.nl, '{system}', coalesce(f.own_key, '')), '{column}', f.id_column) AS message_nl,
    replace(replace(t.en, '{system}', coalesce(f.own_key, '')), '{column}', f.id_column) AS message_en,
    -- A child's record is placed through the child's portal or tracking id
    -- (own_key); an account has no place.
    coalesce(pp.location, tp.location) AS location, coalesce(pp.group_name, tp.group_name) AS group_name,
    CASE WHEN f.table_name = 'accounts' THEN 'login' ELSE 'key' END AS problem,
    f.id_column
FROM findings f
LEFT JOIN portal_child_place() pp ON f.table_name LIKE 'portal%' AND pp.portal_child_id = f.own_key
LEFT JOIN tracking_child_place() tp ON f.table_name LIKE 'tracking%' AND tp.tracking_child_id = f.own_key
JOIN texts t ON t.kind = CASE
    WHEN f.table_name = 'accounts' THEN 'login'
    ELSE split_part(f.table_name, '_', 1) || CASE WHEN f.id_column = 'child_id' THEN '_link' ELSE '_key' END
END
ORDER BY f.table_name, f._file, f._row, f.id_column
