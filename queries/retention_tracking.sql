-- id: retention_tracking
-- title.nl: Kind in het kindvolgsysteem na de bewaartermijn
-- title.en: Child in the child-tracking system past the retention period
-- severity: high
-- area: bewaartermijnen
-- source: AVG art. 5 lid 1 sub e (opslagbeperking); 2 jaar na einde opvang (voormalig Vrijstellingsbesluit
--   Wbp art. 18 lid 5, sectornorm)
-- requires: tracking_children | tracking_observations
-- reads: admin_children(child_id, care_end), tracking_children(tracking_child_id, child_id?, archived_at), tracking_observations(tracking_child_id)
-- impact: 3
-- impact.why.nl: ontwikkelingsobservaties van vertrokken kinderen worden onnodig bewaard en kunnen
--   het kind blijven volgen
-- impact.why.en: development observations of children who left are kept needlessly and could follow the
--   child
-- population: tracking_children
-- why.nl: Persoonsgegevens mogen niet langer worden bewaard dan nodig. Observaties en overdrachten over de
--   ontwikkeling van een kind moeten na het einde van de opvang binnen de bewaartermijn uit het
--   kindvolgsysteem worden verwijderd; archiveren is niet verwijderen. De termijn telt vanaf het einde van
--   de opvang volgens de administratie (een kind dat daar in meer exports staat, is pas vertrokken als de
--   opvang overal is beëindigd, op de laatste einddatum); staat het kind niet in de administratie, dan
--   vanaf de archiveringsdatum in het kindvolgsysteem. Zonder export van de kinderen van het
--   kindvolgsysteem zijn dat de kinderen met observaties.
-- why.en: Personal data may not be kept longer than needed. Observations and transfers about a child's
--   development must be deleted from the child-tracking system within the retention period after care
--   ends; archiving is not deleting. The period runs from the end of care in the administration (a child
--   in several of its exports has left only when care ended in all of them, on the last end date); for a
--   child not in the administration, from the date it was archived in the tracking system. Without an
--   export of the tracking system's children, they are the children with observations.
-- fix.nl: Verwijder het kind met observaties en overdrachten in het kindvolgsysteem (of laat de leverancier
--   dat doen) en stel in dat gearchiveerde kinderen na de bewaartermijn automatisch worden verwijderd.
--   Archiveer een kind zodra de opvang eindigt. Leg vast waarom gegevens eventueel langer nodig zijn.
-- fix.en: Delete the child with its observations and transfers in the child-tracking system (or have the
--   vendor do it) and make the system delete archived children automatically after the retention period.
--   Archive a child when care ends. Record why data would be needed longer.
-- columns.nl: Einde opvang, Einde volgens, Bewaren tot en met
-- columns.en: End of care, End according to, Keep until
-- codes:
--   ended_per:
--     admin: administratie | administration
--     tracking: kindvolgsysteem | child-tracking system
WITH admin_end AS (
    -- care ended everywhere, on the last end date (see docs/checks.md)
    SELECT * FROM admin_care_end()
),
kids AS (
    SELECT 'tracking_children' AS table_name, tracking_child_id, child_id, archived_at, _file, _row
    FROM tracking_children
    UNION ALL
    -- A tracking system exported only as observations: its children are
    -- the ones observed (the first observation names the row), linked when
    -- the tracking id is the administration's child number.
    SELECT 'tracking_observations', o.tracking_child_id,
           CASE WHEN o.tracking_child_id IN (SELECT child_id FROM admin_children) THEN o.tracking_child_id END,
           NULL::DATE, o._file, o._row
    FROM tracking_observations o
    WHERE o.tracking_child_id NOT IN (SELECT tracking_child_id FROM tracking_children)
    QUALIFY row_number() OVER (PARTITION BY o.tracking_child_id ORDER BY o._file, o._row) = 1
),
judged AS (
    SELECT tc.table_name, tc.tracking_child_id, tc.child_id, tc._file, tc._row, a.records,
           coalesce(a.care_end, tc.archived_at) AS ended,
           CASE WHEN a.child_id IS NULL THEN 'tracking' ELSE 'admin' END AS ended_per
    FROM kids tc
    LEFT JOIN admin_end a ON a.child_id = tc.child_id
    -- The administration governs for a linked child, even while it is in care.
    WHERE a.child_id IS NULL OR a.care_end IS NOT NULL
),
held AS (
    SELECT *, (ended + to_months(getvariable('retention.tracking_months')::INTEGER))::DATE AS deadline
    FROM judged
)
SELECT
    table_name, tracking_child_id AS record_key, _file, _row,
    'Verwijder het kind met observaties en overdrachten uit het kindvolgsysteem: ' || CASE ended_per
        WHEN 'admin' THEN 'de opvang eindigde volgens de administratie op ' || strftime(ended, '%d-%m-%Y')
            || CASE WHEN records > 1 THEN ' (de laatste einddatum van ' || records || ' inschrijvingen)' ELSE '' END
        ELSE 'het kind is volgens het kindvolgsysteem gearchiveerd op ' || strftime(ended, '%d-%m-%Y')
            || CASE WHEN child_id IS NULL THEN ' (niet gekoppeld aan de administratie)' ELSE ' (kindnummer niet in de administratie)' END
    END || ' en de bewaartermijn liep tot en met ' || strftime(deadline, '%d-%m-%Y') || '.' AS message_nl,
    'Delete the child with its observations and transfers from the child-tracking system: ' || CASE ended_per
        WHEN 'admin' THEN 'care ended on ' || strftime(ended, '%Y-%m-%d') || ' according to the administration'
            || CASE WHEN records > 1 THEN ' (the last end date of ' || records || ' records)' ELSE '' END
        ELSE 'the child was archived on ' || strftime(ended, '%Y-%m-%d') || ' according to the tracking system'
            || CASE WHEN child_id IS NULL THEN ' (not linked to the administration)' ELSE ' (child number not in the administration)' END
    END || ' and the retention period ran until ' || strftime(deadline, '%Y-%m-%d') || '.' AS message_en,
    coalesce(p.location, c.location) AS location, coalesce(p.group_name, c.group_name) AS group_name, ended, ended_per, deadline
FROM held
LEFT JOIN tracking_child_place() p USING (tracking_child_id)
LEFT JOIN child_place() c USING (child_id)
WHERE deadline < getvariable('as_of')::DATE
ORDER BY _file, _row
