-- id: dpia_missing
-- title.nl: DPIA waarschijnlijk verplicht, maar niet vastgelegd
-- title.en: DPIA probably required, but none recorded
-- severity: medium
-- area: verwerkingsregister
-- source: AVG art. 35 lid 1 en 4 (gegevensbeschermingseffectbeoordeling); AP-lijst van verwerkingen
--   waarvoor een DPIA verplicht is (2019): onder meer grootschalige verwerking van gezondheidsgegevens,
--   grootschalige of stelselmatige monitoring (cameratoezicht, controle van werknemers) en observatie
--   van gedrag
-- requires: processing_activities
-- reads: processing_activities(activity, purpose, data_categories, data_subjects, dpia_reference~)
-- impact: 3
-- impact.why.nl: verwerkingen met een hoog risico voor gegevens van kinderen lopen zonder dat de
--   risico's zijn beoordeeld en beperkt
-- impact.why.en: high-risk processing of children's data runs without its risks having been assessed and
--   mitigated
-- population: processing_activities
-- why.nl: Voor een verwerking met een hoog risico voor de betrokkenen moet vooraf een DPIA worden
--   uitgevoerd. De lijst van de Autoriteit Persoonsgegevens noemt onder meer het grootschalig verwerken
--   van gezondheidsgegevens, grootschalig of stelselmatig cameratoezicht en monitoren van medewerkers, en
--   het stelselmatig observeren van gedrag (zoals in een kindvolgsysteem). Of een verwerking grootschalig
--   of stelselmatig is, kan deze check niet uit het register afleiden: een DPIA is dan waarschijnlijk
--   verplicht, en de organisatie moet dat beoordelen en vastleggen. Foto's in het ouderportaal zijn geen
--   camerabeelden, en een dieet is op zichzelf geen gezondheidsgegeven.
-- why.en: A processing activity with a high risk for the people concerned needs a DPIA beforehand. The
--   Dutch DPA's list names among others large-scale processing of health data, large-scale or systematic
--   camera surveillance and employee monitoring, and systematic observation of behaviour (as in a
--   child-tracking system). Whether an activity is large-scale or systematic cannot be told from the
--   register: a DPIA is then probably required, and the organisation must assess that and record it.
--   Photos in the parent portal are no camera images, and a diet is not health data by itself.
-- fix.nl: Beoordeel of de verwerking een DPIA vereist. Zo ja: voer de DPIA uit en vul de verwijzing in bij de
--   verwerking in het verwerkingsregister; zo nee: leg onderbouwd vast waarom niet (en verwijs daarnaar).
-- fix.en: Assess whether the activity requires a DPIA. If so, carry out the DPIA and enter its reference for
--   the activity in the register of processing activities; if not, record with reasons why not (and refer
--   to that).
-- columns.nl: Categorie
-- columns.en: Category
-- codes:
--   category:
--     health: gezondheidsgegevens | health data
--     camera: camerabeelden | camera images
--     monitoring: volgen van medewerkers | employee monitoring
--     observation: observatie van gedrag of ontwikkeling | observation of behaviour or development
WITH categories AS (
    -- The AP's DPIA categories and the words that reveal them in the
    -- activity's name, purpose or data categories. Images ("beeld",
    -- "beeldmateriaal") count only from a camera: photos in the parent
    -- portal are no camera surveillance. A diet is not health data.
    -- Plain time registration is not employee monitoring, and "monitoren"
    -- is employee monitoring only when the activity is about staff (the
    -- development of children is monitored too: that is observation).
    SELECT * FROM (VALUES
        (1, 'health', 'gezondheidsgegevens', 'health data', 'gezondheid|medisch|medical|health|allergie|allergy', false),
        (2, 'camera', 'camerabeelden', 'camera images', 'camera|cctv|webcam|bewakingsbeeld', false),
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
    'DPIA waarschijnlijk verplicht: de verwerking ' || activity || ' betreft ' || nl || ', waarvoor de AP een DPIA verplicht stelt als de verwerking grootschalig of stelselmatig is, en er is geen DPIA vastgelegd; beoordeel of een DPIA nodig is en leg de uitkomst vast (de DPIA, of waarom die niet nodig is).' AS message_nl,
    'DPIA probably required: the activity ' || activity || ' involves ' || en || ', for which the Dutch DPA requires a DPIA when the processing is large-scale or systematic, and no DPIA is recorded; assess whether a DPIA is needed and record the outcome (the DPIA, or why none is needed).' AS message_en,
    category
FROM hits
ORDER BY _file, _row
