-- id: health_data_without_basis
-- title.nl: Gezondheidsgegevens van een kind zonder vastgelegde grondslag
-- title.en: Health data of a child without a recorded legal ground
-- severity: high
-- area: bijzondere_gegevens
-- source: AVG art. 9 lid 1 en lid 2 sub a (bijzondere persoonsgegevens: verbod, tenzij uitdrukkelijke
--   toestemming) of een specifieke wettelijke plicht; AVG art. 5 lid 2 (verantwoordingsplicht)
-- requires: portal_notes
-- reads: portal_notes(note_id, portal_child_id, category, created_at?, basis~)
-- impact: 4
-- impact.why.nl: gezondheidsgegevens zijn een bijzondere categorie: verwerkt zonder grond stellen
--   ze kinderen bloot aan stigma en misbruik
-- impact.why.en: health data is a special category: processed without a ground, it exposes children to
--   stigma and misuse
-- population: portal_notes(portal_child_id)
-- why.nl: Notities over allergieën en medische zaken zijn gezondheidsgegevens, een bijzondere categorie
--   persoonsgegevens. Die mogen alleen worden verwerkt als een uitzondering van art. 9 AVG geldt; voor de
--   kinderopvang is dat de uitdrukkelijke toestemming van de ouders (art. 9 lid 2 sub a) of een specifieke
--   wettelijke plicht. "Noodzakelijk voor de zorg voor het kind" is geen uitzondering van art. 9 voor de
--   kinderopvang. Een dieet is op zichzelf geen gezondheidsgegeven en telt hier niet mee; halal of koosjer
--   eten onthult wel een godsdienst (zie special_category_data). Zonder geldige grondslag kan de
--   organisatie niet aantonen dat de notitie er mag staan.
-- why.en: Notes about allergies and medical matters are health data, a special category of personal data.
--   They may only be processed under an exception of GDPR art. 9; for childcare that is the parents'
--   explicit consent (art. 9(2)(a)) or a specific legal duty. "Necessary for the care of the child" is no
--   art. 9 exception for childcare. A diet is not health data by itself and does not count here; halal or
--   kosher food does reveal a religion (see special_category_data). Without a valid ground the
--   organisation cannot show that the note may be kept.
-- fix.nl: Vraag de ouders uitdrukkelijke toestemming voor de notitie en leg die vast (of leg vast welke
--   wettelijke plicht de notitie vereist). Verwijder een notitie over een allergie of medische zaak niet
--   zomaar: die kan nodig zijn voor de veiligheid van het kind. Komt er geen toestemming, leg het dan voor
--   aan de FG en bespreek met de ouders hoe de zorg voor het kind zonder de notitie geregeld wordt.
-- fix.en: Ask the parents' explicit consent for the note and record it (or record which legal duty requires
--   the note). Do not simply delete a note about an allergy or a medical matter: it may be needed for the
--   child's safety. If no consent is given, take it to the FG and agree with the parents how the child's
--   care is arranged without the note.
-- columns.nl: Kind (ouderportaal), Soort notitie, Gemaakt op, Probleem
-- columns.en: Child (parent portal), Kind of note, Created at, Problem
-- codes:
--   category:
--     allergy: allergie | allergy
--     diet: dieet | diet
--     medical: medisch | medical
--   problem:
--     no_basis: geen grondslag vastgelegd | no ground recorded
--     necessity: "noodzakelijk voor de zorg": geen uitzondering van art. 9 | "necessary for the care": no art. 9 exception
SELECT
    -- Only allergy and medical notes are health data; a diet is not by
    -- itself, vve, bilingual and general notes are not, and religion notes
    -- are reported by special_category_data.
    'portal_notes' AS table_name,
    note_id AS record_key, portal_child_id AS data_subject,
    _file, _row,
    'Deze notitie over ' ||
        CASE category WHEN 'allergy' THEN 'een allergie' ELSE 'medische zaken' END ||
        CASE WHEN basis = 'necessity'
             THEN ' is een gezondheidsgegeven met als grondslag "noodzakelijk voor de zorg"; dat is geen uitzondering van art. 9 AVG voor de kinderopvang: vraag de ouders uitdrukkelijke toestemming, of verwijder de notitie.'
             ELSE ' is een gezondheidsgegeven zonder vastgelegde grondslag; leg de uitdrukkelijke toestemming van de ouders (of een wettelijke plicht) vast, of verwijder de notitie.' END AS message_nl,
    'This note about ' ||
        CASE category WHEN 'allergy' THEN 'an allergy' ELSE 'medical matters' END ||
        CASE WHEN basis = 'necessity'
             THEN ' is health data whose recorded ground is "necessary for the care"; that is no GDPR art. 9 exception for childcare: ask the parents'' explicit consent, or delete the note.'
             ELSE ' is health data without a recorded ground; record the parents'' explicit consent (or a legal duty), or delete the note.' END AS message_en,
    p.location, p.group_name, portal_child_id, category, created_at,
    CASE WHEN basis = 'necessity' THEN 'necessity' ELSE 'no_basis' END AS problem
FROM portal_notes
LEFT JOIN portal_child_place() p USING (portal_child_id)
WHERE category IN ('allergy', 'medical') AND (basis IS NULL OR basis = 'necessity')
ORDER BY _file, _row
