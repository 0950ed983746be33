-- id: onedrive_shared_link
-- title.nl: Kinddossier of inkomensdocument gedeeld via een openbare of externe link
-- title.en: Child file or income document shared by an "anyone" link or with outsiders
-- severity: high
-- area: toegang
-- source: AVG art. 5 lid 1 sub f (integriteit en vertrouwelijkheid) en art. 32 lid 1 en 2 (passende
--   beveiliging, risico van ongeoorloofde verstrekking of toegang); een link die ongewenst is geopend is een
--   datalek (AVG art. 4 punt 12, art. 33)
-- requires: onedrive_files
-- reads: onedrive_files(path, category, child_id?~, sharing, owner?~)
-- impact: 4
-- impact.why.nl: wie de link heeft (doorgestuurd, in een mailbox, in een browsergeschiedenis),
--   opent zonder in te loggen een kinddossier of de inkomensgegevens van een gezin
-- impact.why.en: whoever has the link (forwarded, in a mailbox, in a browser history) can open a child's file or
--   a family's income details without logging in
-- population: onedrive_files
-- why.nl: Kinddossiers en inkomensdocumenten van ouders horen alleen open te staan voor de medewerkers die
--   ze nodig hebben. Een link "iedereen met de link" (anoniem, zonder inloggen) of delen met personen buiten
--   de organisatie (gasten, externe adressen) maakt het document leesbaar voor wie de link krijgt of
--   doorstuurt. Delen binnen de organisatie, privé of met met name genoemde personen in de organisatie is
--   geen bevinding; "specifieke personen" zonder meer kan deze controle niet beoordelen. Een anonieme link is
--   het ernstigst: trek die in en beoordeel of het een datalek is. Delen met een met name genoemde externe
--   persoon kan rechtmatig zijn (een inkomensdocument voor de gemeente, het dossier voor de eigen ouders):
--   ga dan na of de ontvanger klopt, of het delen nodig is en of er een vervaldatum op staat. De controle als
--   geheel staat op hoog om de anonieme links; een externe deling weegt minder zwaar (middel).
-- why.en: Child files and parents' income documents should be open only to the staff who need them. An
--   "anyone with the link" link (anonymous, no sign-in) or sharing with people outside the organisation
--   (guests, external addresses) makes the document readable to whoever receives or forwards the link.
--   Sharing within the organisation, private, or with named people in the organisation is not a finding;
--   "specific people" alone cannot be judged by this check. An anonymous link is the most serious: remove it
--   and assess whether it is a data breach. Sharing with a named outside person can be lawful (an income
--   document for the municipality, the file for the child's own parents): then verify the recipient, the need
--   and that the share expires. The check as a whole is high for the anonymous links; an outside share weighs
--   less (medium).
-- fix.nl: Anonieme link: trek de link in (OneDrive/SharePoint: Toegang beheren), zet in de beheeromgeving
--   delen met "iedereen" voor deze mappen uit, ga na wie de link heeft geopend (het auditlogboek) en beoordeel
--   of het een datalek is dat gemeld moet worden. Externe deling: ga na of de ontvanger klopt en het delen
--   nodig is, zet er een vervaldatum op en trek het in als het niet (meer) nodig is.
-- fix.en: Anonymous link: remove it (OneDrive/SharePoint: Manage access), turn off "anyone" sharing for these
--   folders in the admin centre, find out who opened the link (the audit log) and assess whether it is a data
--   breach to be reported. Outside share: verify the recipient and the need, set an expiry date and remove
--   the share when it is not (or no longer) needed.
-- columns.nl: Categorie, Kindnummer, Gedeeld met, Eigenaar, Probleem
-- columns.en: Category, Child number, Shared with, Owner, Problem
-- codes:
--   category:
--     child_file: kinddossier | child file
--     income: inkomensdocument | income document
--   problem:
--     anyone_link: gedeeld via een link voor iedereen | shared by an anyone link
--     shared_external: gedeeld buiten de organisatie: ontvanger en vervaldatum nagaan | shared outside the organisation: verify recipient and expiry
WITH judged AS (
    SELECT f.*,
           lower(trim(f.sharing)) AS s
    FROM onedrive_files f
    WHERE f.category IN ('child_file', 'income') AND nullif(trim(f.sharing), '') IS NOT NULL
),
classified AS (
    SELECT *,
           CASE
               WHEN regexp_matches(s, 'buiten de organisatie|outside the organi[sz]ation') THEN 'shared_external'
               -- within the organisation ("Personen in Klimboom met de link", "Iedereen in de organisatie")
               WHEN regexp_matches(s, 'organisatie|organisation|organization|intern\b|collega') THEN NULL
               WHEN regexp_matches(s, 'iedereen|anyone|openbaar|public|anoniem|anonymous|^link$|^openbare link|^link ') THEN 'anyone_link'
               WHEN regexp_matches(s, 'extern|external|gast|guest|buiten de organisatie|outside') THEN 'shared_external'
           END AS problem
    FROM judged
)
SELECT
    'onedrive_files' AS table_name, path AS record_key, _file, _row,
    CASE category WHEN 'child_file' THEN 'Dit kinddossier' ELSE 'Dit inkomensdocument' END
        || CASE problem WHEN 'anyone_link' THEN ' is gedeeld via een link die iedereen zonder inloggen kan openen ("' || trim(sharing) || '")'
                        || ': trek de link in, deel alleen binnen de organisatie en beoordeel of het een datalek is.'
                        ELSE ' is gedeeld met personen buiten de organisatie ("' || trim(sharing) || '")'
                        || ' (ernst middel): ga na of de ontvanger klopt en het delen nodig is, zet er een vervaldatum op en trek het in als het niet meer nodig is.' END AS message_nl,
    CASE category WHEN 'child_file' THEN 'This child file' ELSE 'This income document' END
        || CASE problem WHEN 'anyone_link' THEN ' is shared by a link anyone can open without signing in ("' || trim(sharing) || '")'
                        || ': remove the link, share only within the organisation and assess whether it is a data breach.'
                        ELSE ' is shared with people outside the organisation ("' || trim(sharing) || '")'
                        || ' (severity medium): verify the recipient and the need, set an expiry date and remove the share when no longer needed.' END AS message_en,
    p.location, p.group_name, category, child_id, sharing, owner, problem
FROM classified
LEFT JOIN child_place() p USING (child_id)
WHERE problem IS NOT NULL
ORDER BY _file, _row
