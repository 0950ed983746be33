-- id: dpia_missing
-- title.nl: Geen DPIA bij een verwerking met hoog risico
-- title.en: No DPIA for a high-risk processing activity
-- severity: high
-- area: verwerkingsregister
-- source: AVG art. 35 (gegevensbeschermingseffectbeoordeling); AP-lijst van verwerkingen waarvoor een
--   DPIA verplicht is (2019): gezondheidsgegevens, cameratoezicht, controle van werknemers, observatie
--   en beïnvloeding van gedrag
-- requires: processing_activities
-- reads: processing_activities(activity, purpose, data_categories, data_subjects, dpia_reference~)
-- impact: 3
-- impact.why: high-risk processing of children's data runs without its risks having been assessed and
--   mitigated
-- population: processing_activities
-- why.nl: Voor een verwerking met een hoog risico voor de betrokkenen moet vooraf een DPIA worden
--   uitgevoerd. De Autoriteit Persoonsgegevens noemt onder meer het verwerken van gezondheidsgegevens,
--   cameratoezicht, het monitoren van medewerkers en het observeren van gedrag (zoals in een
--   kindvolgsysteem). Zonder DPIA zijn de risico's voor kinderen, ouders en medewerkers niet in kaart
--   gebracht en ontbreken passende maatregelen.
-- why.en: A processing activity with a high risk for the people concerned needs a DPIA beforehand. The
--   Dutch DPA lists among others the processing of health data, camera surveillance, monitoring of
--   employees and the observation of behaviour (as in a child-tracking system). Without a DPIA the risks
--   for children, parents and staff are not assessed and fitting measures are missing.
-- fix.nl: Voer een DPIA uit voor de verwerking (of laat onderbouwd vastleggen waarom het risico niet hoog
--   is) en vul de verwijzing naar het DPIA-document in bij de verwerking in het verwerkingsregister.
-- fix.en: Carry out a DPIA for the activity (or record with reasons why the risk is not high) and enter
--   the reference to the DPIA document for the activity in the register of processing activities.
-- columns.nl: Categorie
-- columns.en: Category
WITH categories AS (
    -- The AP's DPIA categories and the words that reveal them in the
    -- activity's name, purpose or data categories. "beeld" only at the start
    -- of a word (camerabeelden, beeldmateriaal; not voorbeeld, afbeelding).
    -- Plain time registration is not employee monitoring, and "monitoren"
    -- is employee monitoring only when the activity is about staff (the
    -- development of children is monitored too: that is observation).
    SELECT * FROM (VALUES
        (1, 'health', 'gezondheidsgegevens', 'health data', 'gezondheid|medisch|medical|health|allergie|allergy|dieet|\bdiet', false),
        (2, 'camera', 'camerabeelden', 'camera images', 'camera|\bbeeld|cctv', false),
        (3, 'monitoring', 'het volgen van medewerkers', 'employee monitoring', 'monitor|volgen van medewerkers|personeelsvolg|medewerkersvolg|employee tracking', true),
        (4, 'observation', 'observatie van gedrag of ontwikkeling', 'observation of behaviour or development',
         'observ|kindvolg|volgsysteem|ontwikkeling van (het |de )?kind|gedrag|behaviou?r', false)
    ) AS t(pos, category, nl, en, pattern, staff_only)
),
activities AS (
    -- A reference that only says there is none (or not yet) counts as blank. The staff
    -- certificate of conduct (Verklaring Omtrent het Gedrag, VOG) and a code
    -- of conduct (gedragscode) are no observation of behaviour.
    SELECT *,
           regexp_replace(lower(concat_ws(' ', activity, purpose, data_categories)),
                          'omtrent (het )?gedrag|gedragscode|gedragsregel', ' ', 'g') AS text,
           regexp_matches(lower(concat_ws(' ', activity, purpose, data_categories, data_subjects)),
                          'medewerker|personeel|werknemer|staff|employee') AS about_staff
    FROM processing_activities
    WHERE regexp_full_match(lower(coalesce(dpia_reference, '')),
              '\s*([-?]|geen|nee|n\.?v\.?t\.?|n/a|no|none|onbekend|unknown|nog (niet|doen|uitvoeren|in te vullen|invullen)|tbd|todo)?\s*')
),
hits AS (
    SELECT a.activity, a._file, a._row,
           string_agg(c.category, ', ' ORDER BY c.pos) AS category,
           string_agg(c.nl, ' en ' ORDER BY c.pos) AS nl,
           string_agg(c.en, ' and ' ORDER BY c.pos) AS en
    FROM activities a
    JOIN categories c ON regexp_matches(a.text, c.pattern) AND (a.about_staff OR NOT c.staff_only)
    GROUP BY a.activity, a._file, a._row
)
SELECT
    'processing_activities' AS table_name,
    activity AS record_key,
    _file, _row,
    'De verwerking ' || activity || ' betreft ' || nl || ', waarvoor een DPIA verplicht is, maar er is geen DPIA vastgelegd; voer een DPIA uit en vul de verwijzing in.' AS message_nl,
    'The activity ' || activity || ' involves ' || en || ', which requires a DPIA, but no DPIA is recorded; carry out a DPIA and enter its reference.' AS message_en,
    category
FROM hits
ORDER BY _file, _row
