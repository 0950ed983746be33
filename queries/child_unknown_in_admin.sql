-- id: child_unknown_in_admin
-- title.nl: Kind in ouderportaal of kindvolgsysteem onbekend in de administratie
-- title.en: Child in the parent portal or child tracking unknown to the administration
-- severity: medium
-- area: juistheid
-- source: AVG art. 5 lid 1 sub d (juistheid) en sub e (opslagbeperking)
-- requires: admin_children, portal_children | tracking_children
-- reads: admin_children(child_id), portal_children(portal_child_id, child_id), tracking_children(tracking_child_id, child_id)
-- impact: 3
-- impact.why.nl: gegevens van een kind zonder bekende plaatsing worden mogelijk zonder doel
--   bewaard, of aan het verkeerde kind gekoppeld
-- impact.why.en: data of a child without a known placement may be kept without a purpose, or linked to the
--   wrong child
-- population: portal_children
-- why.nl: De administratie is de bron voor wie er in opvang is. Een kind in het ouderportaal of het
--   kindvolgsysteem zonder (bekend) kindnummer van de administratie kan niet aan een plaatsing worden
--   gekoppeld: het is een verkeerd gekoppeld of vergeten record, en bewaartermijnen en einde opvang
--   zijn er niet voor te bepalen.
-- why.en: The administration is the source of who is in care. A child in the parent portal or the
--   child-tracking system without a (known) administration child number cannot be tied to a
--   placement: it is a wrongly linked or forgotten record, and its retention period and end of care
--   cannot be determined.
-- fix.nl: Zoek het kind op in de administratie en vul het juiste kindnummer in het systeem in; is het
--   kind er niet (meer), verwijder het record dan uit het ouderportaal of kindvolgsysteem.
-- fix.en: Look the child up in the administration and enter the right child number in the system; if
--   the child is not (or no longer) there, delete the record from the parent portal or child tracking.
-- columns.nl: Kindnummer administratie, Probleem
-- columns.en: Administration child number, Problem
-- codes:
--   problem:
--     no_child_id: geen kindnummer van de administratie | no administration child number
--     unknown_child_id: kindnummer onbekend in de administratie | child number unknown to the administration
WITH linked AS (
    SELECT 'portal_children' AS table_name, portal_child_id AS record_key, _file, _row,
           nullif(trim(child_id), '') AS child_id, group_name
    FROM portal_children
    UNION ALL
    SELECT 'tracking_children', tracking_child_id, _file, _row, nullif(trim(child_id), ''), group_name
    FROM tracking_children
),
judged AS (
    SELECT l.*,
           CASE WHEN l.child_id IS NULL THEN 'no_child_id' ELSE 'unknown_child_id' END AS problem,
           CASE l.table_name WHEN 'portal_children' THEN 'ouderportaal' ELSE 'kindvolgsysteem' END AS system_nl,
           CASE l.table_name WHEN 'portal_children' THEN 'parent portal' ELSE 'child-tracking system' END AS system_en
    FROM linked l
    WHERE l.child_id IS NULL
       OR NOT EXISTS (SELECT 1 FROM admin_children a WHERE trim(a.child_id) = l.child_id)
)
SELECT
    table_name, record_key, _file, _row,
    CASE problem
        WHEN 'no_child_id' THEN 'Kind in het ' || system_nl || ' heeft geen kindnummer van de administratie; vul het juiste kindnummer in of verwijder het kind als het niet (meer) in opvang is.'
        ELSE 'Kind in het ' || system_nl || ' heeft kindnummer ' || child_id || ', dat niet in de administratie voorkomt; corrigeer het kindnummer of verwijder het kind als het niet (meer) in opvang is.'
    END AS message_nl,
    CASE problem
        WHEN 'no_child_id' THEN 'Child in the ' || system_en || ' has no administration child number; enter the right number or delete the child if it is not (or no longer) in care.'
        ELSE 'Child in the ' || system_en || ' has child number ' || child_id || ', which is not in the administration; correct the number or delete the child if it is not (or no longer) in care.'
    END AS message_en,
    NULL AS location, group_name, child_id, problem
FROM judged
ORDER BY table_name, _file, _row
