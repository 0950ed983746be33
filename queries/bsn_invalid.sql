-- id: bsn_invalid
-- title.nl: Ongeldig BSN in de administratie
-- title.en: Invalid BSN in the administration
-- severity: low
-- area: bsn
-- source: AVG art. 5 lid 1 sub d (juistheid); Regeling Wet kinderopvang art. 11 lid 1 sub b en c (BSN in
--   de gegevens voor de kinderopvangtoeslag en de gemeentelijke tegemoetkoming); elk uitgegeven BSN
--   voldoet aan de elfproef (een rekenregel, geen wetsartikel)
-- requires: admin_children
-- reads: admin_children(child_id, bsn, care_end)
-- impact: 2
-- impact.why.nl: een verkeerd BSN schaadt de aanvraag van kinderopvangtoeslag meer dan de privacy
--   van het kind
-- impact.why.en: a wrong BSN harms the childcare benefit application more than the child's privacy
-- population: admin_children
-- why.nl: Een burgerservicenummer voldoet altijd aan de elfproef. Een BSN dat daar niet aan voldoet, is
--   verkeerd overgenomen (tikfout, verwisselde cijfers, weggevallen voorloopnul) en hoort niet bij dit
--   kind. Met een verkeerd BSN gaan de opgaven voor de kinderopvangtoeslag mis en staat mogelijk het
--   nummer van een ander in de administratie.
-- why.en: A citizen service number always passes the 11-check. A BSN that fails it was copied wrongly
--   (typo, swapped digits, lost leading zero) and is not this child's. A wrong BSN spoils the
--   childcare-benefit returns and may be someone else's number.
-- fix.nl: Vraag de ouders het juiste BSN (van een officieel document) en corrigeer het in de
--   administratie; verwijder het als het niet (meer) nodig is voor de kinderopvangtoeslag of de
--   gemeentelijke tegemoetkoming.
-- fix.en: Ask the parents for the correct BSN (from an official document) and correct it in the
--   administration; delete it if neither the childcare benefit nor the municipal contribution needs it
--   any more.
-- columns.nl: Einde opvang
-- columns.en: End of care
SELECT
    -- The loader has already reduced every BSN to 9 digits (spaces and dots
    -- removed, a dropped leading zero restored), so what fails here fails the
    -- 11-check itself (or is 000000000). The BSN is not shown, not even masked.
    'admin_children' AS table_name,
    child_id AS record_key,
    _file, _row,
    'Het BSN van dit kind voldoet niet aan de elfproef en is dus onjuist; vraag de ouders het juiste BSN en corrigeer het in de administratie.' AS message_nl,
    'This child''s BSN fails the 11-check and is therefore wrong; ask the parents for the correct BSN and correct it in the administration.' AS message_en,
    location, group_name, care_end
FROM admin_children
WHERE bsn IS NOT NULL AND NOT valid_bsn(bsn)
ORDER BY _file, _row
