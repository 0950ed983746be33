-- id: onedrive_shared_link
-- title.nl: Kinddossier of inkomensdocument gedeeld via een openbare of externe link
-- title.en: Child file or income document shared by an "anyone" link or with outsiders
-- severity: high
-- area: toegang
-- source: AVG art. 5 lid 1 sub f (integriteit en vertrouwelijkheid) en art. 32 lid 1 en 2 (passende
--   beveiliging, risico van ongeoorloofde verstrekking of toegang); een link die ongewenst is geopend is een
--   datalek (AVG art. 4 punt 12, art. 33)
-- requires: onedrive_files
-- impact: 4
-- impact.why: whoever has the link (forwarded, in a mailbox, in a browser history) can open a child's file or
--   a family's income details without logging in
-- population: onedrive_files
-- why.nl: Kinddossiers en inkomensdocumenten van ouders horen alleen open te staan voor de medewerkers die
--   ze nodig hebben. Een link "iedereen met de link" (anoniem, zonder inloggen) of delen met personen buiten
--   de organisatie (gasten, externe adressen) maakt het document leesbaar voor wie de link krijgt of
--   doorstuurt. Delen binnen de organisatie, privé of met met name genoemde personen in de organisatie is
--   geen bevinding; "specifieke personen" zonder meer kan deze controle niet beoordelen.
-- why.en: Child files and parents' income documents should be open only to the staff who need them. An
--   "anyone with the link" link (anonymous, no sign-in) or sharing with people outside the organisation
--   (guests, external addresses) makes the document readable to whoever receives or forwards the link.
--   Sharing within the organisation, private, or with named people in the organisation is not a finding;
--   "specific people" alone cannot be judged by this check.
-- fix.nl: Trek de link in (OneDrive/SharePoint: Toegang beheren), deel alleen met personen in de organisatie
--   en zet in de beheeromgeving delen met "iedereen" voor deze mappen uit. Ga na wie de link heeft ontvangen
--   of geopend (het auditlogboek) en beoordeel of het een datalek is dat gemeld moet worden.
-- fix.en: Remove the link (OneDrive/SharePoint: Manage access), share only with people in the organisation
--   and turn off "anyone" sharing for these folders in the admin centre. Find out who received or opened the
--   link (the audit log) and assess whether it is a data breach to be reported.
-- columns.nl: Categorie, Kindnummer, Gedeeld met, Eigenaar, Probleem
-- columns.en: Category, Child number, Shared with, Owner, Problem
-- codes:
--   category:
--     child_file: kinddossier | child file
--     income: inkomensdocument | income document
--   problem:
--     anyone_link: gedeeld via een link voor iedereen | shared by an anyone link
--     shared_external: gedeeld met personen buiten de organisatie | shared with people outside the organisation
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
                        ELSE ' is gedeeld met personen buiten de organisatie ("' || trim(sharing) || '")' END
        || ': trek de link in, deel alleen binnen de organisatie en beoordeel of het een datalek is.' AS message_nl,
    CASE category WHEN 'child_file' THEN 'This child file' ELSE 'This income document' END
        || CASE problem WHEN 'anyone_link' THEN ' is shared by a link anyone can open without signing in ("' || trim(sharing) || '")'
                        ELSE ' is shared with people outside the organisation ("' || trim(sharing) || '")' END
        || ': remove the link, share only within the organisation and assess whether it is a data breach.' AS message_en,
    p.location, p.group_name, category, child_id, sharing, owner, problem
FROM classified
LEFT JOIN child_place() p USING (child_id)
WHERE problem IS NOT NULL
ORDER BY _file, _row
