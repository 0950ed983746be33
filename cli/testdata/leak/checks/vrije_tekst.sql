-- id: vrije_tekst
-- title.nl: Vrije tekst in de registers
-- title.en: Free text in the registers
-- severity: info
-- area: eigen
-- source: eigen privacybeleid
-- requires: complaints | breaches
-- why.nl: Wat mensen in de registers schrijven, kan iedereen noemen.
-- why.en: What people write in the registers can name anyone.
-- fix.nl: Lees de tekst na.
-- fix.en: Review the text.
-- columns.nl: Onderwerp, Feiten
-- columns.en: Subject, Facts
SELECT 'complaints' AS table_name, complaint_id AS record_key, _file, _row,
       'Klacht ' || complaint_id || ': ' || subject AS message_nl,
       'Complaint ' || complaint_id || ': ' || subject AS message_en,
       subject, NULL AS facts
FROM complaints
UNION ALL
SELECT 'breaches', breach_id, _file, _row,
       'Datalek ' || breach_id || ': ' || facts, 'Breach ' || breach_id || ': ' || facts,
       NULL, facts
FROM breaches
ORDER BY 1, 2
