-- id: health_data_without_basis
-- title.nl: Gezondheidsgegevens van een kind zonder vastgelegde grondslag
-- title.en: Health data of a child without a recorded legal ground
-- severity: high
-- area: bijzondere_gegevens
-- source: AVG art. 9 lid 1 en 2 (bijzondere persoonsgegevens: verbod, tenzij uitdrukkelijke toestemming of
--   een andere uitzondering); AVG art. 5 lid 2 (verantwoordingsplicht)
-- requires: portal_notes
-- reads: portal_notes(note_id, portal_child_id, category, created_at?, basis~)
-- impact: 4
-- impact.why: health data is a special category: processed without a ground, it exposes children to
--   stigma and misuse
-- population: portal_notes(portal_child_id)
-- why.nl: Notities over allergieën, dieet en medische zaken zijn gezondheidsgegevens, een bijzondere
--   categorie persoonsgegevens. Die mogen alleen worden verwerkt als een uitzondering van art. 9 AVG
--   geldt: uitdrukkelijke toestemming van de ouders, of aantoonbare noodzaak voor de zorg voor het kind.
--   Zonder vastgelegde grondslag kan de organisatie niet aantonen dat de notitie er mag staan.
-- why.en: Notes about allergies, diets and medical matters are health data, a special category of personal
--   data. They may only be processed under an exception of GDPR art. 9: the parents' explicit consent,
--   or a demonstrable need for the child's care. Without a recorded ground the organisation cannot show
--   that the note may be kept.
-- fix.nl: Leg per notitie de grondslag vast (uitdrukkelijke toestemming van de ouders, of de noodzaak
--   voor de zorg, met onderbouwing) of verwijder de notitie als die niet nodig is.
-- fix.en: Record the ground for each note (the parents' explicit consent, or the need for the child's
--   care, with its reasoning) or delete the note if it is not needed.
-- columns.nl: Kind (ouderportaal), Soort notitie, Gemaakt op
-- columns.en: Child (parent portal), Kind of note, Created at
SELECT
    -- Only allergy, diet and medical notes are health data; vve, bilingual
    -- and general notes are not, and religion notes are reported by
    -- special_category_data.
    'portal_notes' AS table_name,
    note_id AS record_key, portal_child_id AS subject,
    _file, _row,
    'Deze notitie over ' ||
        CASE category WHEN 'allergy' THEN 'een allergie' WHEN 'diet' THEN 'een dieet' ELSE 'medische zaken' END ||
        ' is een gezondheidsgegeven zonder vastgelegde grondslag; leg de uitdrukkelijke toestemming of de noodzaak voor de zorg vast, of verwijder de notitie.' AS message_nl,
    'This note about ' ||
        CASE category WHEN 'allergy' THEN 'an allergy' WHEN 'diet' THEN 'a diet' ELSE 'medical matters' END ||
        ' is health data without a recorded ground; record the explicit consent or the need for the child''s care, or delete the note.' AS message_en,
    p.location, p.group_name, portal_child_id, category, created_at
FROM portal_notes
LEFT JOIN portal_child_place() p USING (portal_child_id)
WHERE category IN ('allergy', 'diet', 'medical') AND basis IS NULL
ORDER BY _file, _row
