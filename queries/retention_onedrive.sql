-- id: retention_onedrive
-- title.nl: Kinddossier of inkomensdocument op de gedeelde schijf na de bewaartermijn
-- title.en: Child file or income document on the file share past the retention period
-- severity: high
-- area: bewaartermijnen
-- source: AVG art. 5 lid 1 sub e (opslagbeperking); kinddossier: 2 jaar na einde opvang (voormalig
--   Vrijstellingsbesluit Wbp art. 18 lid 5, sectornorm); inkomensdocument voor de gemeentelijke bijdrage:
--   tot 31 december van het 7e jaar na het jaar waarin de opvang eindigde, als de administratie (Regeling
--   Wet kinderopvang art. 11 lid 1 sub c; fiscale bewaarplicht AWR art. 52 lid 4)
-- requires: onedrive_files, admin_children
-- reads: admin_children(child_id, care_end), onedrive_files(path, category, child_id)
-- impact: 3
-- impact.why.nl: kinddossiers op een gedeelde schijf, vaak voor velen toegankelijk, blijven bestaan
--   na hun doel
-- impact.why.en: child files on a share, often widely accessible, outlive their purpose
-- population: onedrive_files
-- why.nl: Kinddossiers en inkomensdocumenten van ouders op een gedeelde schijf (zoals OneDrive) vallen
--   onder dezelfde bewaartermijn als de andere gegevens van het kind, maar worden vaak vergeten omdat
--   geen systeem ze opschoont. Een kinddossier gaat 2 jaar na het einde van de opvang weg; een
--   inkomensdocument hoort bij de administratie van de gemeentelijke bijdrage en mag daarom net zo lang
--   blijven als het record in de administratie: tot 31 december van het 7e jaar na het jaar waarin de
--   opvang eindigde (retention.admin_record_years).
--   De termijn telt vanaf het einde van de opvang volgens de administratie;
--   een kind dat daar in meer exports staat, is pas vertrokken als de opvang overal is beëindigd, op de
--   laatste einddatum. Een document zonder (bekend) kindnummer kan deze controle niet beoordelen.
-- why.en: Child files and parents' income documents on a file share (such as OneDrive) fall under the
--   same retention period as the child's other data, but are often forgotten because no system purges
--   them. A child file goes 2 years after care ended; an income document belongs to the records of the
--   municipal contribution and may therefore stay as long as the administration's record: until 31
--   December of the 7th year after the year care ended (retention.admin_record_years).
--   The period runs from the end of care in the administration; a child in several of its exports
--   has left only when care ended in all of them, on the last end date. A document without a (known)
--   child number cannot be judged by this check.
-- fix.nl: Verwijder het document (ook uit de prullenbak en gedeelde kopieën) en spreek af wie de gedeelde
--   schijf na het vertrek van een kind opschoont, bijvoorbeeld met een bewaarlabel dat documenten
--   automatisch verwijdert.
-- fix.en: Delete the document (also from the recycle bin and shared copies) and agree who cleans up the
--   file share after a child leaves, for instance with a retention label that deletes documents
--   automatically.
-- columns.nl: Categorie, Kindnummer, Einde opvang, Bewaren tot en met
-- columns.en: Category, Child number, End of care, Keep until
-- codes:
--   category:
--     child_file: kinddossier | child file
--     income: inkomensdocument | income document
WITH admin_end AS (
    -- care ended everywhere, on the last end date (see docs/checks.md)
    SELECT * FROM admin_care_end()
),
held AS (
    SELECT f.path, f._file, f._row, f.category, f.child_id, a.records, a.care_end AS ended,
           CASE f.category
               WHEN 'income' THEN make_date(year(a.care_end)::INTEGER + getvariable('retention.admin_record_years')::INTEGER, 12, 31)
               ELSE (a.care_end + to_months(getvariable('retention.onedrive_months')::INTEGER))::DATE
           END AS deadline
    FROM onedrive_files f
    JOIN admin_end a ON a.child_id = f.child_id
    WHERE f.category IN ('child_file', 'income')
)
SELECT
    'onedrive_files' AS table_name, path AS record_key, _file, _row,
    CASE category WHEN 'child_file' THEN 'Verwijder dit kinddossier' ELSE 'Verwijder dit inkomensdocument' END
        || ' van de gedeelde schijf: de opvang van het kind eindigde volgens de administratie op ' || strftime(ended, '%d-%m-%Y')
        || CASE WHEN records > 1 THEN ' (de laatste einddatum van ' || records || ' inschrijvingen)' ELSE '' END
        || ' en de bewaartermijn liep tot en met ' || strftime(deadline, '%d-%m-%Y') || '.' AS message_nl,
    CASE category WHEN 'child_file' THEN 'Delete this child file' ELSE 'Delete this income document' END
        || ' from the file share: the child''s care ended on ' || strftime(ended, '%Y-%m-%d') || ' according to the administration'
        || CASE WHEN records > 1 THEN ' (the last end date of ' || records || ' records)' ELSE '' END
        || ' and the retention period ran until ' || strftime(deadline, '%Y-%m-%d') || '.' AS message_en,
    a.location, a.group_name, category, child_id, ended, deadline
FROM held
LEFT JOIN child_place() a USING (child_id)
WHERE deadline < getvariable('as_of')::DATE
ORDER BY _file, _row
