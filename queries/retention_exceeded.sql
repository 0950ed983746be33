-- id: retention_exceeded
-- title.nl: Gegevens langer bewaard dan de bewaartermijn
-- title.en: Data kept past its retention period
-- severity: high
-- area: bewaartermijnen
-- source: AVG art. 5 lid 1 sub e (opslagbeperking); 2 jaar na einde opvang (voormalig Vrijstellingsbesluit
--   Wbp art. 18 lid 5, sectornorm); BSN alleen voor de kinderopvangtoeslag (UAVG art. 46); 7 jaar
--   fiscale bewaarplicht (AWR art. 52)
-- requires: admin_children | portal_children | tracking_children | admin_invoices
-- why.nl: Persoonsgegevens mogen niet langer worden bewaard dan nodig. Na het einde van de opvang moeten
--   gegevens in het ouderportaal en het kindvolgsysteem binnen de bewaartermijn worden verwijderd; in de
--   administratie mag het BSN alleen zo lang als nodig voor de toeslag en de rest van het kindrecord en
--   de facturen alleen zo lang als de fiscale bewaarplicht. De termijn telt vanaf het einde van de
--   opvang volgens de administratie, anders vanaf de einddatum in het systeem zelf.
-- why.en: Personal data may not be kept longer than needed. After care ends, parent-portal and
--   child-tracking data must be deleted within the retention period; the administration may keep the
--   BSN only as long as the childcare benefit needs it, and the rest of the child record and the
--   invoices only as long as the fiscal retention duty. The period runs from the end of care in the
--   administration, else from the end date in the system itself.
-- fix.nl: Verwijder wat de melding noemt in het betreffende systeem (of laat de leverancier dat doen) en
--   stel in dat het systeem na de bewaartermijn automatisch opschoont. Leg vast waarom gegevens
--   eventueel langer nodig zijn.
-- fix.en: Delete what the finding names in the system concerned (or have the vendor do it) and make the
--   system purge automatically after the retention period. Record why data would be needed longer.
-- columns.nl: Te verwijderen, Einde opvang of factuurjaar, Einde volgens, Bewaren tot en met
-- columns.en: To delete, End of care or invoice year, End according to, Keep until
WITH settings AS (
    SELECT getvariable('as_of')::DATE AS as_of,
           to_months(getvariable('retention_portal_months')::INTEGER) AS portal_period,
           to_months(getvariable('retention_tracking_months')::INTEGER) AS tracking_period,
           to_months(getvariable('retention_admin_bsn_months')::INTEGER) AS bsn_period,
           to_years(getvariable('retention_admin_record_years')::INTEGER) AS record_period,
           to_years(getvariable('retention_invoice_years')::INTEGER) AS invoice_period
),
admin_end AS (
    -- A child may be in several administration exports (one per location):
    -- care has ended only when it ended everywhere, on the last end date.
    SELECT child_id, CASE WHEN bool_or(care_end IS NULL) THEN NULL ELSE max(care_end) END AS care_end
    FROM admin_children GROUP BY child_id
),
portal AS (
    SELECT 'portal_children' AS table_name, pc.portal_child_id AS record_key, pc._file, pc._row,
           CASE WHEN ac.child_id IS NOT NULL THEN ac.care_end ELSE pc.placement_end END AS ended,
           CASE WHEN ac.child_id IS NOT NULL THEN 'admin' ELSE 'portal' END AS ended_per,
           s.portal_period AS period, 'portal_record' AS remove
    FROM portal_children pc
    LEFT JOIN admin_end ac ON ac.child_id = pc.child_id, settings s
),
tracking AS (
    SELECT 'tracking_children', tc.tracking_child_id, tc._file, tc._row,
           CASE WHEN ac.child_id IS NOT NULL THEN ac.care_end ELSE tc.archived_at END,
           CASE WHEN ac.child_id IS NOT NULL THEN 'admin' ELSE 'tracking' END,
           s.tracking_period, 'tracking_record'
    FROM tracking_children tc
    LEFT JOIN admin_end ac ON ac.child_id = tc.child_id, settings s
),
admin AS (
    SELECT 'admin_children', ac.child_id, ac._file, ac._row, ac.care_end, 'admin',
           CASE WHEN s.as_of > ac.care_end + s.record_period THEN s.record_period ELSE s.bsn_period END,
           CASE WHEN s.as_of > ac.care_end + s.record_period THEN 'admin_record' ELSE 'bsn' END
    FROM admin_children ac, settings s
    WHERE s.as_of > ac.care_end + s.record_period
       OR (ac.bsn IS NOT NULL AND s.as_of > ac.care_end + s.bsn_period)
),
invoices AS (
    -- The fiscal period runs from the end of the invoice's year.
    SELECT 'admin_invoices', i.invoice_id, i._file, i._row,
           make_date(year(i.invoice_date), 12, 31), 'invoice_year', s.invoice_period, 'invoice'
    FROM admin_invoices i, settings s
),
held AS (
    SELECT *, (ended + period)::DATE AS deadline FROM (
        SELECT * FROM portal UNION ALL SELECT * FROM tracking
        UNION ALL SELECT * FROM admin UNION ALL SELECT * FROM invoices)
)
SELECT
    table_name, record_key, _file, _row,
    CASE remove
        WHEN 'portal_record' THEN 'Verwijder het kind uit het ouderportaal (met ouders, notities, toestemmingen en foto''s)'
        WHEN 'tracking_record' THEN 'Verwijder het kind uit het kindvolgsysteem (met observaties en overdrachten)'
        WHEN 'admin_record' THEN 'Verwijder het hele kindrecord uit de administratie'
        WHEN 'bsn' THEN 'Verwijder het BSN van het kind uit de administratie'
        WHEN 'invoice' THEN 'Verwijder de factuur'
    END || ': ' ||
    CASE ended_per
        WHEN 'invoice_year' THEN 'factuurjaar ' || year(ended) || ' + ' || (year(deadline) - year(ended)) || ' jaar'
        ELSE 'opvang beëindigd op ' || strftime(ended, '%d-%m-%Y') ||
             CASE ended_per WHEN 'admin' THEN ' (administratie)' WHEN 'portal' THEN ' (ouderportaal)' ELSE ' (kindvolgsysteem)' END
    END || ', bewaartermijn verstreken op ' || strftime(deadline, '%d-%m-%Y') || '.' AS message_nl,
    CASE remove
        WHEN 'portal_record' THEN 'Delete the child from the parent portal (with guardians, notes, consents and photos)'
        WHEN 'tracking_record' THEN 'Delete the child from the child-tracking system (with observations and transfers)'
        WHEN 'admin_record' THEN 'Delete the whole child record from the administration'
        WHEN 'bsn' THEN 'Delete the child''s BSN from the administration'
        WHEN 'invoice' THEN 'Delete the invoice'
    END || ': ' ||
    CASE ended_per
        WHEN 'invoice_year' THEN 'invoice year ' || year(ended) || ' + ' || (year(deadline) - year(ended)) || ' years'
        ELSE 'care ended on ' || strftime(ended, '%Y-%m-%d') ||
             CASE ended_per WHEN 'admin' THEN ' (administration)' WHEN 'portal' THEN ' (parent portal)' ELSE ' (child tracking)' END
    END || ', retention period ended on ' || strftime(deadline, '%Y-%m-%d') || '.' AS message_en,
    remove, ended, ended_per, deadline
FROM held, settings s
WHERE ended IS NOT NULL AND s.as_of > deadline
ORDER BY table_name, _file, _row
