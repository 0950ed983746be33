-- id: retention_admin
-- title.nl: BSN of kindrecord in de administratie na de bewaartermijn
-- title.en: BSN or child record in the administration past the retention period
-- severity: high
-- area: bewaartermijnen
-- source: AVG art. 5 lid 1 sub e (opslagbeperking); BSN bij de gegevens voor de kinderopvangtoeslag en de
--   gemeentelijke tegemoetkoming (Regeling Wet kinderopvang art. 11 lid 1 sub b en c; UAVG art. 46);
--   7 jaar fiscale bewaarplicht (AWR art. 52 lid 4); herziening van de toeslag binnen 5 jaar (Awir)
-- requires: admin_children
-- reads: admin_children(child_id, bsn?, care_end)
-- impact: 3
-- impact.why.nl: gegevens en het BSN van vertrokken kinderen worden onnodig bewaard en liggen bij
--   elk datalek open
-- impact.why.en: data and the BSN of children who left are kept needlessly and exposed in any breach
-- population: admin_children
-- why.nl: De administratie bewaart het kindrecord, met het BSN van kind en ouders, voor de kinderopvangtoeslag
--   en de gemeentelijke tegemoetkoming: Dienst Toeslagen kan die gegevens opvragen en de toeslag tot 5 jaar
--   herzien, en de fiscale bewaarplicht duurt 7 jaar. Het record mag daarom blijven tot en met 31 december
--   van het 7e jaar na het jaar waarin de opvang eindigde, en moet dan weg. Heeft de organisatie in haar
--   eigen beleid een kortere termijn voor het BSN vastgelegd (retention.admin_bsn_months), dan meldt de
--   controle ook een BSN dat langer blijft. Een kind dat in meer exports van de administratie staat
--   (bijvoorbeeld per locatie), is pas vertrokken als de opvang overal is beëindigd, op de laatste
--   einddatum.
-- why.en: The administration keeps the child record, with the BSN of child and parents, for the childcare
--   benefit and the municipal contribution: Dienst Toeslagen may ask for those records and can revise the
--   benefit for up to 5 years, and the fiscal retention duty lasts 7 years. The record may therefore be kept
--   until 31 December of the 7th year after the year in which care ended, and must then go. When the
--   organisation's own policy sets a shorter period for the BSN (retention.admin_bsn_months), the check
--   also reports a BSN kept longer. A child in several of the administration's exports (for instance one
--   per location) has left only when care ended in all of them, on the last end date.
-- fix.nl: Verwijder wat de melding noemt in de administratie (of laat de leverancier dat doen): het hele
--   kindrecord, of het BSN als uw eigen beleid dat eerder verwijdert. Stel in dat de administratie dit na
--   de bewaartermijn automatisch opschoont en leg vast waarom gegevens eventueel langer nodig zijn.
-- fix.en: Delete what the finding names in the administration (or have the vendor do it): the whole child
--   record, or the BSN when your own policy removes it earlier. Make the administration purge this
--   automatically after the retention period and record why data would be needed longer.
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
    -- Fiscal periods run to the end of the year: the record may stay until
    -- 31 December of the record_years-th year after the year care ended.
    -- The BSN goes with it, unless the organisation's own policy sets a
    -- shorter period (bsn_months > 0).
    -- One finding per child, also when it has several records (one per
    -- enrolment or location): on the record with the last end date.
    SELECT ac.child_id, ac._file, ac._row, ac.location, ac.group_name,
           bool_or(ac.bsn IS NOT NULL) OVER (PARTITION BY ac.child_id) AS has_bsn, a.records, a.care_end AS ended,
           make_date(year(a.care_end)::INTEGER + s.record_years, 12, 31) AS record_deadline,
           CASE WHEN s.bsn_months > 0 THEN (a.care_end + to_months(s.bsn_months))::DATE END AS own_bsn_deadline
    FROM admin_children ac
    JOIN admin_end a ON a.child_id = ac.child_id, settings s
    QUALIFY row_number() OVER (PARTITION BY ac.child_id ORDER BY ac.care_end DESC NULLS FIRST, ac._file, ac._row) = 1
),
judged AS (
    -- A record past the fiscal period goes as a whole, BSN included.
    SELECT h.*, s.*,
           least(own_bsn_deadline, record_deadline) AS bsn_deadline,
           CASE WHEN record_deadline < s.as_of THEN 'admin_record'
                WHEN has_bsn AND own_bsn_deadline < s.as_of THEN 'bsn' END AS problem,
           CASE WHEN records > 1 THEN ' (de laatste einddatum van ' || records || ' inschrijvingen)' ELSE '' END AS records_nl,
           CASE WHEN records > 1 THEN ' (the last end date of ' || records || ' records)' ELSE '' END AS records_en
    FROM held h, settings s
)
SELECT
    'admin_children' AS table_name, child_id AS record_key, _file, _row,
    CASE problem
        WHEN 'admin_record' THEN 'Verwijder het hele kindrecord, met BSN, uit de administratie: de opvang eindigde op '
            || strftime(ended, '%d-%m-%Y') || records_nl || ' en het record mocht blijven tot en met '
            || strftime(record_deadline, '%d-%m-%Y') || ' (31 december van het ' || record_years
            || 'e jaar na het jaar waarin de opvang eindigde; fiscale bewaarplicht).'
        ELSE 'Verwijder het BSN van het kind uit de administratie: de opvang eindigde op '
            || strftime(ended, '%d-%m-%Y') || records_nl || ' en volgens het eigen beleid van de organisatie ('
            || bsn_months || ' maanden) blijft het BSN tot en met ' || strftime(bsn_deadline, '%d-%m-%Y')
            || '; de rest van het record mag blijven tot en met ' || strftime(record_deadline, '%d-%m-%Y') || '.'
    END AS message_nl,
    CASE problem
        WHEN 'admin_record' THEN 'Delete the whole child record, BSN included, from the administration: care ended on '
            || strftime(ended, '%Y-%m-%d') || records_en || ' and the record could be kept until '
            || strftime(record_deadline, '%Y-%m-%d') || ' (31 December of the ' || record_years
            || 'th year after the year care ended; fiscal retention duty).'
        ELSE 'Delete the child''s BSN from the administration: care ended on '
            || strftime(ended, '%Y-%m-%d') || records_en || ' and the organisation''s own policy ('
            || bsn_months || ' months) keeps the BSN until ' || strftime(bsn_deadline, '%Y-%m-%d')
            || '; the rest of the record may be kept until ' || strftime(record_deadline, '%Y-%m-%d') || '.'
    END AS message_en,
    location, group_name, problem, ended,
    CASE problem WHEN 'admin_record' THEN record_deadline ELSE bsn_deadline END AS deadline
FROM judged
WHERE problem IS NOT NULL
ORDER BY _file, _row
