-- id: retention_admin
-- title.nl: BSN of kindrecord in de administratie na de bewaartermijn
-- title.en: BSN or child record in the administration past the retention period
-- severity: high
-- area: bewaartermijnen
-- source: AVG art. 5 lid 1 sub e (opslagbeperking); BSN alleen voor de kinderopvangtoeslag (UAVG art. 46,
--   Regeling Wet kinderopvang art. 11); 7 jaar fiscale bewaarplicht (AWR art. 52)
-- requires: admin_children
-- impact: 3
-- impact.why: data and the BSN of children who left are kept needlessly and exposed in any breach
-- population: admin_children
-- why.nl: De administratie mag het BSN van een kind alleen bewaren zolang het nodig is voor de
--   kinderopvangtoeslag, en de rest van het kindrecord alleen zolang de fiscale bewaarplicht duurt. Beide
--   termijnen tellen vanaf het einde van de opvang; een kind dat in meer exports van de administratie
--   staat (bijvoorbeeld per locatie), is pas vertrokken als de opvang overal is beëindigd, op de laatste
--   einddatum.
-- why.en: The administration may keep a child's BSN only as long as the childcare benefit needs it, and
--   the rest of the child record only as long as the fiscal retention duty lasts. Both periods run from
--   the end of care; a child in several of the administration's exports (for instance one per location)
--   has left only when care ended in all of them, on the last end date.
-- fix.nl: Verwijder wat de melding noemt in de administratie (of laat de leverancier dat doen): het BSN, of
--   na de fiscale termijn het hele kindrecord. Stel in dat de administratie dit na de bewaartermijn
--   automatisch opschoont en leg vast waarom gegevens eventueel langer nodig zijn.
-- fix.en: Delete what the finding names in the administration (or have the vendor do it): the BSN, or
--   after the fiscal period the whole child record. Make the administration purge this automatically
--   after the retention period and record why data would be needed longer.
-- columns.nl: Probleem, Einde opvang, Bewaren tot en met
-- columns.en: Problem, End of care, Keep until
-- codes:
--   problem:
--     admin_record: kindrecord na de bewaartermijn | child record past its retention period
--     bsn: BSN na de bewaartermijn | BSN past its retention period
WITH settings AS (
    SELECT getvariable('as_of')::DATE AS as_of,
           getvariable('retention.admin_bsn_months')::INTEGER AS bsn_months,
           getvariable('retention.admin_record_years')::INTEGER AS record_years
),
admin_end AS (
    -- care ended everywhere, on the last end date (see docs/checks.md)
    SELECT * FROM admin_care_end()
),
held AS (
    SELECT ac.child_id, ac._file, ac._row, ac.location, ac.group_name, ac.bsn IS NOT NULL AS has_bsn, a.records, a.care_end AS ended,
           (a.care_end + to_months(s.bsn_months))::DATE AS bsn_deadline,
           (a.care_end + to_years(s.record_years))::DATE AS record_deadline
    FROM admin_children ac
    JOIN admin_end a ON a.child_id = ac.child_id, settings s
),
judged AS (
    -- A record past the fiscal period goes as a whole, BSN included.
    SELECT h.*, s.*,
           CASE WHEN record_deadline < s.as_of THEN 'admin_record'
                WHEN has_bsn AND bsn_deadline < s.as_of THEN 'bsn' END AS problem,
           CASE WHEN records > 1 THEN ' (de laatste einddatum van ' || records || ' inschrijvingen)' ELSE '' END AS records_nl,
           CASE WHEN records > 1 THEN ' (the last end date of ' || records || ' records)' ELSE '' END AS records_en
    FROM held h, settings s
)
SELECT
    'admin_children' AS table_name, child_id AS record_key, _file, _row,
    CASE problem
        WHEN 'admin_record' THEN 'Verwijder het hele kindrecord uit de administratie: de opvang eindigde op '
            || strftime(ended, '%d-%m-%Y') || records_nl || ' en de fiscale bewaartermijn van ' || record_years
            || ' jaar liep tot en met ' || strftime(record_deadline, '%d-%m-%Y') || '.'
        ELSE 'Verwijder het BSN van het kind uit de administratie: de opvang eindigde op '
            || strftime(ended, '%d-%m-%Y') || records_nl || ' en de kinderopvangtoeslag had het BSN alleen nodig tot en met '
            || strftime(bsn_deadline, '%d-%m-%Y') || ' (' || bsn_months
            || ' maanden); de rest van het record mag blijven tot en met '
            || strftime(record_deadline, '%d-%m-%Y') || '.'
    END AS message_nl,
    CASE problem
        WHEN 'admin_record' THEN 'Delete the whole child record from the administration: care ended on '
            || strftime(ended, '%Y-%m-%d') || records_en || ' and the fiscal retention period of ' || record_years
            || ' years ran until ' || strftime(record_deadline, '%Y-%m-%d') || '.'
        ELSE 'Delete the child''s BSN from the administration: care ended on '
            || strftime(ended, '%Y-%m-%d') || records_en || ' and the childcare benefit needed the BSN for '
            || bsn_months || ' months (until ' || strftime(bsn_deadline, '%Y-%m-%d')
            || '); the rest of the record may be kept until ' || strftime(record_deadline, '%Y-%m-%d') || '.'
    END AS message_en,
    location, group_name, problem, ended,
    CASE problem WHEN 'admin_record' THEN record_deadline ELSE bsn_deadline END AS deadline
FROM judged
WHERE problem IS NOT NULL
ORDER BY _file, _row
