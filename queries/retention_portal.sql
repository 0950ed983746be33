-- id: retention_portal
-- title.nl: Kind in het ouderportaal na de bewaartermijn
-- title.en: Child in the parent portal past the retention period
-- severity: high
-- area: bewaartermijnen
-- source: AVG art. 5 lid 1 sub e (opslagbeperking); 2 jaar na einde opvang (voormalig Vrijstellingsbesluit
--   Wbp art. 18 lid 5, sectornorm)
-- requires: portal_children | portal_consents | portal_notes | portal_photos
-- reads: admin_children(child_id, care_end), portal_children(portal_child_id, child_id?, placement_end?~), portal_consents(portal_child_id), portal_notes(portal_child_id), portal_photos(portal_child_id)
-- impact: 3
-- impact.why.nl: foto's, notities en toestemmingen van vertrokken kinderen blijven onnodig in het
--   portaal
-- impact.why.en: photos, notes and consents of children who left stay in the portal needlessly
-- population: portal_children
-- why.nl: Persoonsgegevens mogen niet langer worden bewaard dan nodig. Na het einde van de opvang moet een
--   kind met zijn ouders, notities, toestemmingen en foto's binnen de bewaartermijn uit het ouderportaal
--   worden verwijderd. De termijn telt vanaf het einde van de opvang volgens de administratie (een kind
--   dat daar in meer exports staat, is pas vertrokken als de opvang overal is beëindigd, op de laatste
--   einddatum); staat het kind niet in de administratie, dan vanaf het einde van de plaatsing in het portaal.
--   Zonder export van de kinderen van het portaal zijn dat de kinderen die de toestemmingen, notities en
--   foto's noemen.
-- why.en: Personal data may not be kept longer than needed. After care ends, a child with its guardians,
--   notes, consents and photos must be deleted from the parent portal within the retention period. The
--   period runs from the end of care in the administration (a child in several of its exports has left
--   only when care ended in all of them, on the last end date); for a child not in the administration,
--   from the end of the placement in the portal. Without an export of the portal's children, they are
--   the children its consents, notes and photos name.
-- fix.nl: Verwijder het kind in het ouderportaal (of laat de leverancier dat doen) en stel in dat het
--   portaal vertrokken kinderen na de bewaartermijn automatisch opschoont. Sluit de plaatsing in het
--   portaal af zodra de opvang eindigt. Leg vast waarom gegevens eventueel langer nodig zijn.
-- fix.en: Delete the child in the parent portal (or have the vendor do it) and make the portal purge
--   children who left automatically after the retention period. Close the placement in the portal when
--   care ends. Record why data would be needed longer.
-- columns.nl: Einde opvang, Einde volgens, Bewaren tot en met
-- columns.en: End of care, End according to, Keep until
-- codes:
--   ended_per:
--     admin: administratie | administration
--     portal: ouderportaal | parent portal
WITH admin_end AS (
    -- care ended everywhere, on the last end date (see docs/checks.md)
    SELECT * FROM admin_care_end()
),
kids AS (
    SELECT 'portal_children' AS table_name, portal_child_id, child_id, placement_end, _file, _row
    FROM portal_children
    UNION ALL
    -- A portal exported without its list of children: its children are the
    -- ones its consents, notes and photos name (the first row names the
    -- child), linked when the portal's id is the administration's number.
    SELECT table_name, portal_child_id,
           CASE WHEN portal_child_id IN (SELECT child_id FROM admin_children) THEN portal_child_id END,
           NULL::DATE, _file, _row
    FROM (SELECT 'portal_consents' AS table_name, portal_child_id, _file, _row FROM portal_consents
          UNION ALL SELECT 'portal_notes', portal_child_id, _file, _row FROM portal_notes
          UNION ALL SELECT 'portal_photos', portal_child_id, _file, _row FROM portal_photos)
    WHERE portal_child_id NOT IN (SELECT portal_child_id FROM portal_children)
    QUALIFY row_number() OVER (PARTITION BY portal_child_id ORDER BY table_name, _file, _row) = 1
),
judged AS (
    SELECT pc.table_name, pc.portal_child_id, pc.child_id, pc._file, pc._row, a.records,
           coalesce(a.care_end, pc.placement_end) AS ended,
           CASE WHEN a.child_id IS NULL THEN 'portal' ELSE 'admin' END AS ended_per
    FROM kids pc
    LEFT JOIN admin_end a ON a.child_id = pc.child_id
    -- The administration governs for a linked child, even while it is in care.
    WHERE a.child_id IS NULL OR a.care_end IS NOT NULL
),
held AS (
    SELECT *, (ended + to_months(getvariable('retention.portal_months')::INTEGER))::DATE AS deadline
    FROM judged
)
SELECT
    table_name, portal_child_id AS record_key, _file, _row,
    'Verwijder het kind met ouders, notities, toestemmingen en foto''s uit het ouderportaal: ' || CASE ended_per
        WHEN 'admin' THEN 'de opvang eindigde volgens de administratie op ' || strftime(ended, '%d-%m-%Y')
            || CASE WHEN records > 1 THEN ' (de laatste einddatum van ' || records || ' inschrijvingen)' ELSE '' END
        ELSE 'de plaatsing eindigde volgens het portaal op ' || strftime(ended, '%d-%m-%Y')
            || CASE WHEN child_id IS NULL THEN ' (niet gekoppeld aan de administratie)' ELSE ' (kindnummer niet in de administratie)' END
    END || ' en de bewaartermijn liep tot en met ' || strftime(deadline, '%d-%m-%Y') || '.' AS message_nl,
    'Delete the child with guardians, notes, consents and photos from the parent portal: ' || CASE ended_per
        WHEN 'admin' THEN 'care ended on ' || strftime(ended, '%Y-%m-%d') || ' according to the administration'
            || CASE WHEN records > 1 THEN ' (the last end date of ' || records || ' records)' ELSE '' END
        ELSE 'the placement ended on ' || strftime(ended, '%Y-%m-%d') || ' according to the portal'
            || CASE WHEN child_id IS NULL THEN ' (not linked to the administration)' ELSE ' (child number not in the administration)' END
    END || ' and the retention period ran until ' || strftime(deadline, '%Y-%m-%d') || '.' AS message_en,
    coalesce(p.location, c.location) AS location, coalesce(p.group_name, c.group_name) AS group_name, ended, ended_per, deadline
FROM held
LEFT JOIN portal_child_place() p USING (portal_child_id)
LEFT JOIN child_place() c USING (child_id)
WHERE deadline < getvariable('as_of')::DATE
ORDER BY _file, _row
