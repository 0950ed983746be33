-- id: processing_register_basis
-- title.nl: Verwerking zonder vastgelegde grondslag in het register (goede praktijk)
-- title.en: Activity without a recorded legal basis in the register (good practice)
-- severity: info
-- area: verwerkingsregister
-- source: goede praktijk: art. 30 lid 1 AVG vraagt de grondslag niet, maar art. 5 lid 2
--   (verantwoordingsplicht) en art. 6 (grondslag) vragen dat de organisatie die kan aantonen; de
--   informatieplicht (art. 13 lid 1 sub c) noemt haar ook
-- requires: processing_activities
-- reads: processing_activities(activity, legal_basis)
-- impact: 1
-- impact.why.nl: een gat in de documentatie volgens goed gebruik; de verwerking zelf kan best een
--   grondslag hebben
-- impact.why.en: a documentation gap in good practice; the processing itself may well have a basis
-- population: processing_activities
-- why.nl: Art. 30 AVG vraagt geen grondslag per verwerking in het register, maar elke verwerking moet er
--   een hebben (art. 6) en de organisatie moet die kunnen aantonen (art. 5 lid 2); de privacyverklaring
--   moet haar noemen (art. 13). De grondslag in het register vastleggen is daarom goede praktijk: het
--   maakt het register het ene overzicht waarin de verantwoording te vinden is.
-- why.en: Art. 30 GDPR does not ask for a legal basis per activity in the register, but every processing
--   needs one (art. 6) and the organisation must be able to show it (art. 5(2)); the privacy notice must
--   name it (art. 13). Recording the basis in the register is therefore good practice: it makes the
--   register the one overview where the accountability can be found.
-- fix.nl: Vul bij de verwerking de grondslag in (art. 6 lid 1, en bij bijzondere gegevens de uitzondering
--   van art. 9 lid 2).
-- fix.en: Fill in the activity's legal basis (art. 6(1), and for special categories the exception of
--   art. 9(2)).
-- columns.nl: Probleem
-- columns.en: Problem
-- codes:
--   problem:
--     no_legal_basis: geen grondslag vastgelegd (goede praktijk) | no legal basis recorded (good practice)
SELECT
    'processing_activities' AS table_name, activity AS record_key, _file, _row,
    'Bij de verwerking ' || activity || ' is geen grondslag vastgelegd; art. 30 vraagt dat niet, maar het is goede praktijk: vul de grondslag in.' AS message_nl,
    'The activity ' || activity || ' has no recorded legal basis; art. 30 does not ask for it, but it is good practice: fill in the legal basis.' AS message_en,
    'no_legal_basis' AS problem
FROM processing_activities
WHERE regexp_full_match(lower(coalesce(legal_basis, '')), '\s*([-?]|n\.?v\.?t\.?|n/a|onbekend|unknown|nog (in te vullen|invullen|bepalen|niet bekend)|tbd|todo|geen|none)?\s*')
ORDER BY _file, _row
