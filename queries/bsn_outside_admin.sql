-- id: bsn_outside_admin
-- title.nl: BSN in een systeem buiten de administratie
-- title.en: BSN in a system outside the administration
-- severity: high
-- area: bsn
-- source: UAVG art. 46 (BSN alleen waar een wet dat voorschrijft; toestemming maakt het niet rechtmatig);
--   Regeling Wet kinderopvang art. 11 lid 1 sub b en c (het BSN hoort bij de gegevens voor de
--   kinderopvangtoeslag en de gemeentelijke tegemoetkoming, in de administratie); AVG art. 5 lid 1 sub c
-- requires: portal_children | portal_guardians | portal_notes | portal_consents | portal_photos |
--   tracking_children | tracking_observations | tracking_transfers | staff | accounts | requests |
--   breaches | social_posts | processors | processing_activities | onedrive_files | applicants | complaints
-- reads: none
-- impact: 4
-- impact.why.nl: BSN's in systemen die ze niet nodig hebben, vergroten de kring die ze kan
--   misbruiken voor identiteitsfraude; beoordeeld per exportkolom, dus het deel van de kinderen zegt
--   weinig
-- impact.why.en: BSNs in systems that do not need them widen the circle that can misuse them for identity
--   fraud; judged per export column, so the share of children says little
-- population: none
-- likelihood: 3
-- likelihood.why.nl: BSN's in een systeem dat ze niet nodig heeft zijn een feit, maar hoeveel
--   mensen erbij kunnen verschilt per systeem: 3 (mogelijk), zodat een paar verdwaalde cellen niet
--   zwaarder wegen dan het BSN als inlognaam
-- likelihood.why.en: BSNs found in a system that does not need them are a fact, but how many people can reach them
--   differs per system: 3 (possible), so a few stray cells do not outrank the BSN as a login
-- why.nl: Een kinderopvangorganisatie mag het BSN van kinderen en ouders alleen gebruiken voor de
--   kinderopvangtoeslag en de gemeentelijke tegemoetkoming, en dus alleen in de administratie. In het ouderportaal, het kindvolgsysteem of
--   de eigen registers is het BSN niet nodig; toestemming van de ouders maakt dat niet anders. Bij het
--   inlezen is elke kolom buiten de administratie doorzocht op negen cijfers die de elfproef doorstaan
--   (ook geschreven als 123.456.782 of 123 456 782); de nummers zelf worden niet bewaard of getoond.
--   Het BSN van medewerkers is wel wettelijk nodig, maar alleen in de salarisadministratie en in het
--   overzicht van medewerkers voor het personenregister kinderopvang (Regeling Wet kinderopvang); bij
--   het medewerkersoverzicht vraagt de melding na te gaan of dat hier zo is.
-- why.en: A childcare organisation may use the BSN of children and parents only for the childcare
--   benefit and the municipal contribution, and so only in the administration. The parent portal, the child-tracking system and the
--   organisation's own registers do not need it; the parents' consent does not change that. At loading,
--   every column outside the administration was searched for nine digits that pass the 11-check (also
--   written as 123.456.782 or 123 456 782); the numbers themselves are neither kept nor shown. Staff
--   BSNs are required by law, but only in the payroll administration and in the staff overview for the
--   childcare person register (Regeling Wet kinderopvang); for the staff list the finding asks to check
--   whether that is the case here.
-- fix.nl: Verwijder de BSN's uit de genoemde kolom in het bronsysteem (niet alleen uit de export) en zorg
--   dat ze er niet opnieuw in komen, bijvoorbeeld door de kolom of het invoerveld te schrappen.
--   Beoordeel of er sprake is van een datalek als het systeem met anderen wordt gedeeld.
-- fix.en: Delete the BSNs from the column named in the source system (not just from the export) and make
--   sure they do not come back, for instance by removing the column or input field. Assess whether this
--   is a data breach if the system is shared with others.
-- columns.nl: Kolomkop in de export, Ingelezen als, Cellen met een BSN
-- columns.en: Column header in the export, Loaded as, Cells holding a BSN
WITH hits AS (
    -- One row per export column in which the loader found BSNs (see
    -- ingest/scan.go); the administration is not scanned. The header was
    -- masked by the loader; a column without a header is named as such.
    SELECT *,
           coalesce(header, '(kolom zonder kop)') AS key,
           CASE WHEN header IS NULL THEN 'Een kolom zonder kop' ELSE 'Kolom "' || header || '"' END ||
               CASE WHEN lower(column_name) <> lower(header) THEN ' (ingelezen als ' || column_name || ')' ELSE '' END AS column_nl,
           CASE WHEN header IS NULL THEN 'A column without a header' ELSE 'Column "' || header || '"' END ||
               CASE WHEN lower(column_name) <> lower(header) THEN ' (loaded as ' || column_name || ')' ELSE '' END AS column_en,
           CASE WHEN hits = 1 THEN '1 cel' ELSE hits || ' cellen' END AS cells_nl,
           CASE WHEN hits = 1 THEN '1 cell' ELSE hits || ' cells' END AS cells_en
    FROM _bsn_hits
)
SELECT
    table_name,
    key AS record_key,
    file AS _file,
    first_row AS _row,
    column_nl || ' bevat in ' || cells_nl || ' een burgerservicenummer (eerste in rij ' || first_row || '); ' ||
        CASE WHEN table_name = 'staff'
             THEN 'BSN''s van medewerkers horen alleen in de salarisadministratie en het overzicht voor het personenregister kinderopvang: verwijder ze hier als dit overzicht daar niet voor is.'
             ELSE 'verwijder de BSN''s uit dit systeem, dat ze niet nodig heeft.' END AS message_nl,
    column_en || ' holds a citizen service number (BSN) in ' || cells_en || ' (first in row ' || first_row || '); ' ||
        CASE WHEN table_name = 'staff'
             THEN 'staff BSNs belong only in the payroll administration and the overview for the childcare person register: delete them here if this list is not for that.'
             ELSE 'delete the BSNs from this system, which does not need them.' END AS message_en,
    header, column_name, hits
FROM hits
ORDER BY _file, header NULLS LAST, column_name
