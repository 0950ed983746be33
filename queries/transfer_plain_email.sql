-- id: transfer_plain_email
-- title.nl: Overdracht naar de basisschool met gewone e-mail verstuurd
-- title.en: Transfer to the primary school sent by plain e-mail
-- severity: medium
-- area: overdracht
-- source: AVG art. 5 lid 1 sub f (vertrouwelijkheid) en art. 32 lid 1 sub a (versleuteling als passende
--   maatregel); NTA 7516 (veilig mailen van gevoelige gegevens, door de AP genoemd); privacybeleid:
--   persoonsgegevens worden beveiligd verstuurd (protocol versleuteld e-mailen)
-- requires: tracking_transfers
-- reads: tracking_transfers(tracking_child_id, school?~, sent_at, channel)
-- impact: 3
-- impact.why.nl: het ontwikkelingsverslag van een kind van vier gaat zonder end-to-end-beveiliging
--   over en kan in de verkeerde mailbox belanden; het is niet terug te halen
-- impact.why.en: a development report about a young child travels without end-to-end protection and can reach
--   the wrong inbox; it cannot be recalled
-- population: tracking_transfers
-- why.nl: Een overdrachtsformulier bevat observaties over de ontwikkeling van het kind, soms zorgen over
--   gedrag of gezondheid. Gewone e-mail is niet eind-tot-eind beveiligd: versleuteling onderweg (TLS) is
--   gebruikelijk maar niet gegarandeerd, in de mailboxen staat het bericht leesbaar, en het gaat makkelijk naar
--   het verkeerde adres en blijft in mailboxen staan. Verstuur daarom via het kindvolgsysteem zelf,
--   beveiligde e-mail (zoals Zivver), een overdrachtsportaal of op papier. Alleen verzonden overdrachten
--   (tot en met de peildatum) met een verzendwijze die gewone e-mail is tellen; een verzendwijze met
--   "beveiligd", "versleuteld" of een dienst voor beveiligd mailen is geen bevinding.
-- why.en: A transfer form holds observations about the child's development, sometimes concerns about
--   behaviour or health. Plain e-mail is not protected end to end: encryption on the way (TLS) is common but
--   not guaranteed, the message is readable in the mailboxes, and it easily goes to the wrong address and stays
--   in mailboxes. Send it through the tracking system itself, secure e-mail (such as
--   Zivver), a transfer portal or on paper. Only transfers sent (up to the reference date) by plain e-mail
--   count; a channel saying "secure", "encrypted" or naming a secure mail service is not a finding.
-- fix.nl: Vraag de school het bericht uit de mailbox te verwijderen zodra het dossier is overgenomen, ga na of
--   het aan het juiste adres ging (anders: datalek beoordelen) en verstuur overdrachten voortaan via het
--   kindvolgsysteem of beveiligde e-mail.
-- fix.en: Ask the school to delete the message from the mailbox once the file has been taken over, check that
--   it went to the right address (if not: assess a data breach) and send transfers through the tracking
--   system or secure e-mail from now on.
-- columns.nl: School, Verstuurd op, Verzendwijze, Probleem
-- columns.en: School, Sent on, Channel, Problem
-- codes:
--   problem:
--     plain_email: met gewone (niet eind-tot-eind beveiligde) e-mail verstuurd | sent by plain (not end-to-end protected) e-mail
WITH judged AS (
    SELECT t.*, lower(trim(t.channel)) AS ch
    FROM tracking_transfers t
    WHERE t.sent_at IS NOT NULL AND t.sent_at <= getvariable('as_of')::DATE
      AND nullif(trim(t.channel), '') IS NOT NULL
)
SELECT
    'tracking_transfers' AS table_name,
    tracking_child_id || '/' || strftime(sent_at, '%Y-%m-%d') AS record_key,
    _file, _row,
    'Overdracht ' || coalesce('aan ' || school || ' ', '') || 'op ' || strftime(sent_at, '%d-%m-%Y')
        || ' met gewone e-mail verstuurd ("' || trim(channel) || '"): vraag de school het bericht te verwijderen en verstuur voortaan via het kindvolgsysteem of beveiligde e-mail.' AS message_nl,
    'Transfer ' || coalesce('to ' || school || ' ', '') || 'sent on ' || strftime(sent_at, '%Y-%m-%d')
        || ' by plain e-mail ("' || trim(channel) || '"): ask the school to delete the message and send through the tracking system or secure e-mail from now on.' AS message_en,
    p.location, p.group_name, school, sent_at, channel, 'plain_email' AS problem
FROM judged
LEFT JOIN tracking_child_place() p USING (tracking_child_id)
WHERE regexp_matches(ch, 'e-?mail|\bmail\b|outlook|gmail|hotmail')
  AND NOT regexp_matches(ch, 'beveilig|versleutel|secure|encrypt|zivver|veilig mail|s/?mime')
ORDER BY _file, _row
