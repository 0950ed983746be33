-- id: portal_access_after_placement
-- title.nl: Ouder heeft nog toegang tot het ouderportaal na einde plaatsing
-- title.en: Parent still has portal access after the placement ended
-- severity: medium
-- area: toegang
-- source: AVG art. 5 lid 1 sub c en e (minimale gegevensverwerking, opslagbeperking) en art. 32; beleid:
--   toegang tot access.portal_access_days dagen na einde plaatsing
-- requires: portal_guardians, portal_children
-- reads: admin_children(child_id, care_end), portal_children(portal_child_id, child_id?, placement_end), portal_guardians(portal_child_id, has_access, last_login?)
-- impact: 3
-- impact.why.nl: een vroegere ouder blijft het groepsdagboek zien, met foto's en nieuws van andere
--   kinderen
-- impact.why.en: a former parent keeps seeing the group diary, with photos and news of other children
-- population: portal_guardians
-- why.nl: Na het einde van de plaatsing hebben ouders nog even toegang nodig om foto's en verslagen te
--   downloaden, maar daarna niet meer. Een ouder die blijft inloggen, kan berichten en foto's blijven
--   zien waarop ook andere kinderen staan, en een vergeten account is een extra ingang voor misbruik.
-- why.en: After the placement ends parents need access for a short while to download photos and reports,
--   but not after that. A parent who can still log in may keep seeing messages and photos that show
--   other children as well, and a forgotten account is one more way in for misuse.
-- fix.nl: Trek de toegang van de ouder tot het ouderportaal in (of verwijder het kind en de ouders uit het
--   portaal) en stel in dat de toegang na de einddatum van de plaatsing automatisch vervalt.
-- fix.en: Revoke the parent's access to the portal (or remove the child and parents from the portal) and
--   make access end automatically after the end of the placement.
-- columns.nl: Kind (portaal), Einde plaatsing, Einde volgens, Toegang tot en met, Laatste login
-- columns.en: Child (portal), Placement ended, End according to, Access until, Last login
-- codes:
--   ended_per:
--     admin: administratie | administration
--     portal: ouderportaal | parent portal
WITH admin_end AS (
    -- care ended everywhere, on the last end date (see docs/checks.md)
    SELECT * FROM admin_care_end()
),
placements AS (
    -- The portal's own end date comes first; without it, the end of care in
    -- the administration.
    SELECT pc.portal_child_id,
           coalesce(pc.placement_end, ae.care_end) AS ended,
           CASE WHEN pc.placement_end IS NOT NULL THEN 'portal' ELSE 'admin' END AS ended_per
    FROM portal_children pc
    LEFT JOIN admin_end ae ON ae.child_id = pc.child_id
),
children AS (
    -- A child in several portal exports (locations) has left only when the
    -- placement ended everywhere, on the last date; one row per child, so a
    -- parent is reported once.
    SELECT portal_child_id,
           CASE WHEN bool_or(ended IS NULL) THEN NULL ELSE max(ended) END AS ended,
           -- on a tie the portal's own date is named ('portal' > 'admin')
           arg_max(ended_per, strftime(ended, '%Y%m%d') || ended_per) AS ended_per
    FROM placements
    GROUP BY portal_child_id
),
guardians AS (
    -- Guardians have no key of their own: they are numbered per child in
    -- the order of the export, so no name or e-mail ends up in the key.
    SELECT g.*, row_number() OVER (PARTITION BY g.portal_child_id ORDER BY g._file, g._row) AS n
    FROM portal_guardians g
),
judged AS (
    SELECT g.*, c.ended, c.ended_per,
           (c.ended + getvariable('access.portal_access_days')::INTEGER) AS access_until
    FROM guardians g
    JOIN children c ON c.portal_child_id = g.portal_child_id
    WHERE g.has_access
)
SELECT
    'portal_guardians' AS table_name,
    portal_child_id || '/' || n AS record_key,
    _file, _row,
    'Een ouder van kind ' || portal_child_id || ' heeft nog toegang tot het ouderportaal, terwijl '
        || CASE ended_per WHEN 'admin' THEN 'de opvang volgens de administratie' ELSE 'de plaatsing' END || ' eindigde op '
        || strftime(ended, '%d-%m-%Y') || ' (toegang tot en met ' || strftime(access_until, '%d-%m-%Y') || ')'
        || coalesce('; laatst ingelogd op ' || strftime(last_login, '%d-%m-%Y'), '') || '; trek de toegang in.' AS message_nl,
    'A parent of child ' || portal_child_id || ' still has access to the parent portal although '
        || CASE ended_per WHEN 'admin' THEN 'care ended according to the administration' ELSE 'the placement ended' END || ' on '
        || strftime(ended, '%Y-%m-%d') || ' (access until ' || strftime(access_until, '%Y-%m-%d') || ')'
        || coalesce('; last login on ' || strftime(last_login, '%Y-%m-%d'), '') || '; revoke the access.' AS message_en,
    p.location, p.group_name, portal_child_id, ended AS placement_end, ended_per, access_until, last_login
FROM judged
LEFT JOIN portal_child_place() p USING (portal_child_id)
WHERE access_until < getvariable('as_of')::DATE
ORDER BY _file, _row
