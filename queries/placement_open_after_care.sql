-- id: placement_open_after_care
-- title.nl: Plaatsing in het ouderportaal loopt door na einde opvang
-- title.en: Parent-portal placement still open after care ended
-- severity: medium
-- area: juistheid
-- source: AVG art. 5 lid 1 sub d (juistheid) en sub e (opslagbeperking)
-- requires: admin_children, portal_children
-- reads: admin_children(child_id, care_end), portal_children(portal_child_id, child_id, placement_end)
-- impact: 2
-- impact.why.nl: een administratief verschil; de schade ervan (toegang die doorloopt) weegt de
--   controle portal_access_after_placement
-- impact.why.en: an administrative mismatch; its harm (continued access) is judged by
--   portal_access_after_placement
-- population: portal_children
-- why.nl: Als de opvang volgens de administratie is beëindigd, hoort de plaatsing in het ouderportaal ook
--   te zijn beëindigd. Een open plaatsing houdt het kind zichtbaar voor medewerkers en de ouders
--   toegang tot het dagboek, en de bewaartermijn van het portaal gaat niet lopen.
-- why.en: When care has ended according to the administration, the placement in the parent portal
--   should have ended too. An open placement keeps the child visible to staff and the parents' access
--   to the diary, and the portal's retention period does not start.
-- fix.nl: Beëindig de plaatsing in het ouderportaal per de einddatum van de opvang en zorg dat het
--   uitschrijven in de administratie ook het ouderportaal bijwerkt.
-- fix.en: End the placement in the parent portal on the date care ended, and make sure that
--   unenrolling in the administration also updates the parent portal.
-- columns.nl: Kindnummer administratie, Einde opvang, Einde plaatsing portaal, Probleem
-- columns.en: Administration child number, End of care, Portal placement end, Problem
-- codes:
--   problem:
--     placement_open: plaatsing in het ouderportaal niet beëindigd | parent portal placement not ended
WITH admin_end AS (
    -- care ended everywhere, on the last end date (see docs/checks.md)
    SELECT * FROM admin_care_end()
)
SELECT
    'portal_children' AS table_name,
    pc.portal_child_id AS record_key,
    pc._file, pc._row,
    'Opvang van kind ' || pc.child_id || ' is volgens de administratie beëindigd op ' || strftime(ae.care_end, '%d-%m-%Y') ||
        ', maar de plaatsing in het ouderportaal ' ||
        CASE WHEN pc.placement_end IS NULL THEN 'heeft geen einddatum' ELSE 'loopt tot ' || strftime(pc.placement_end, '%d-%m-%Y') END ||
        '; beëindig de plaatsing per ' || strftime(ae.care_end, '%d-%m-%Y') || '.' AS message_nl,
    'Care of child ' || pc.child_id || ' ended on ' || strftime(ae.care_end, '%Y-%m-%d') ||
        ' according to the administration, but the parent-portal placement ' ||
        CASE WHEN pc.placement_end IS NULL THEN 'has no end date' ELSE 'runs until ' || strftime(pc.placement_end, '%Y-%m-%d') END ||
        '; end the placement as of ' || strftime(ae.care_end, '%Y-%m-%d') || '.' AS message_en,
    p.location, p.group_name,
    pc.child_id, ae.care_end, pc.placement_end, 'placement_open' AS problem
FROM portal_children pc
JOIN admin_end ae ON ae.child_id = pc.child_id
LEFT JOIN portal_child_place() p ON p.portal_child_id = pc.portal_child_id
WHERE ae.care_end < getvariable('as_of')::DATE
  AND (pc.placement_end IS NULL OR pc.placement_end > ae.care_end)
ORDER BY pc._file, pc._row
