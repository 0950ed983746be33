-- id: special_category_data
-- title.nl: Bijzondere persoonsgegevens in een export of notitie
-- title.en: Special categories of personal data in an export or note
-- severity: medium
-- area: bijzondere_gegevens
-- source: AVG art. 9 lid 1 (verbod op verwerking van bijzondere persoonsgegevens, tenzij een uitzondering
--   geldt) en art. 10 (strafrechtelijke gegevens); AVG art. 5 lid 1 sub c (minimale gegevensverwerking)
-- requires: admin_children | admin_guardians | admin_invoices | portal_children | portal_guardians |
--   portal_notes | portal_consents | portal_photos | tracking_children | tracking_observations |
--   tracking_transfers | staff | accounts | requests | breaches | social_posts | processing_activities |
--   processors | onedrive_files | applicants | complaints
-- reads: portal_notes(note_id, portal_child_id, category)
-- impact: 4
-- impact.why.nl: gegevens over religie, etniciteit of gezondheid worden mogelijk verwerkt zonder
--   uitzondering van art. 9; beoordeeld per notitie en per exportkolom
-- impact.why.en: religion, ethnicity or health data may be processed without an exception of art. 9;
--   judged per note and per export column
-- population: none
-- likelihood: 3
-- likelihood.why.nl: de controle ziet een kolomkop of notitiecategorie, niet of de kolom gevuld is
--   of de uitzondering van art. 9 lid 2 ontbreekt: 3 (mogelijk)
-- likelihood.why.en: the check sees a column heading or note category, not whether the column is filled or the
--   exception of art. 9 lid 2 is missing: 3 (possible)
-- why.nl: Gegevens over religie of levensovertuiging, ras of etnische afkomst, politieke opvattingen,
--   vakbondslidmaatschap, gezondheid, seksuele gerichtheid, genetische en biometrische gegevens zijn
--   bijzondere persoonsgegevens (art. 9 AVG); strafrechtelijke gegevens (art. 10) zijn even gevoelig.
--   Herkomst en nationaliteit kunnen etnische afkomst onthullen; vaccinaties, medicatie en diagnoses zijn
--   gezondheidsgegevens; gegevens over jeugdhulp en signalen uit de meldcode huiselijk geweld en
--   kindermishandeling zijn zeer gevoelig en onthullen vaak gezondheid. Een dieet is op zichzelf geen
--   gezondheidsgegeven, maar halal of koosjer eten onthult een godsdienst. De thuistaal alleen is geen
--   bijzonder persoonsgegeven. Bijzondere gegevens mogen alleen worden verwerkt als een uitzondering van
--   art. 9 lid 2 geldt; voor de kinderopvang is dat meestal uitdrukkelijke toestemming (sub a) of een
--   specifieke wettelijke plicht. Deze check noemt notities in de categorie religie, en elke kolom in een
--   export waarvan de kop zo'n gegeven noemt (ook kolommen die avgaudit niet inleest, zoals "Religie" of
--   "Land van herkomst"). De inhoud van de kolom wordt niet bekeken: beoordeel zelf of hij gevuld en
--   nodig is.
-- why.en: Data about religion or belief, race or ethnic origin, political opinions, trade-union
--   membership, health, sexual orientation, genetic and biometric data are special categories of
--   personal data (GDPR art. 9); criminal records (art. 10) are as sensitive. Origin and nationality may
--   reveal ethnic origin; vaccinations, medication and diagnoses are health data; data about youth care
--   and signs under the reporting code for domestic violence and child abuse (meldcode) are highly
--   sensitive and often reveal health. A diet is not health data by itself, but halal or kosher food
--   reveals a religion. A home language alone is not a special category. Special categories may only be
--   processed under an exception of art. 9(2); for childcare that is mostly explicit consent (sub a) or a
--   specific legal duty. This check lists notes in the religion category, and every export column whose
--   header names such data (including columns avgaudit does not load, such as "Religie" or "Land van
--   herkomst"). The column's content is not examined: judge whether it is filled and needed.
-- fix.nl: Beoordeel per melding of het gegeven nodig is en op welke uitzondering van art. 9 het rust. Is
--   het niet nodig, verwijder dan de kolom uit het systeem (of het veld uit het formulier) en uit de
--   export, of verwijder de notitie. Is het wel nodig, leg de grondslag vast in het
--   verwerkingsregister.
-- fix.en: For each finding, judge whether the data is needed and on which exception of art. 9 it rests.
--   If it is not needed, remove the column from the system (or the field from the form) and from the
--   export, or delete the note. If it is needed, record the ground in the register of processing
--   activities.
-- columns.nl: Probleem, Kolomnummer, Ingelezen als
-- columns.en: Problem, Column number, Loaded as
-- codes:
--   problem:
--     column_religion: kolom met religie of levensovertuiging | column on religion or belief
--     column_ethnicity: kolom met ras of etnische afkomst | column on race or ethnic origin
--     column_politics: kolom met politieke opvattingen | column on political opinions
--     column_union: kolom met vakbondslidmaatschap | column on trade-union membership
--     column_sexual_orientation: kolom met seksueel gedrag of seksuele gerichtheid | column on sex life or sexual orientation
--     column_criminal: kolom met strafrechtelijke gegevens | column with criminal records
--     column_biometric: kolom met biometrische gegevens | column with biometric data
--     column_genetic: kolom met genetische gegevens | column with genetic data
--     column_health: kolom met gezondheidsgegevens | column with health data
--     religion_note: notitie over religie of levensovertuiging | note on religion or belief
--     column_origin: kolom met herkomst of nationaliteit | column on origin or nationality
--     column_youth_care: kolom over jeugdhulp | column on youth care
--     column_meldcode: kolom over de meldcode | column on the reporting code
WITH special(problem, label_nl, label_en) AS (
    VALUES
    ('column_religion', 'gegevens over religie of levensovertuiging', 'data about religion or belief'),
    ('column_ethnicity', 'gegevens over ras of etnische afkomst', 'data about race or ethnic origin'),
    ('column_politics', 'politieke opvattingen', 'political opinions'),
    ('column_union', 'vakbondslidmaatschap', 'trade-union membership'),
    ('column_sexual_orientation', 'gegevens over seksueel gedrag of seksuele gerichtheid', 'data about sex life or sexual orientation'),
    ('column_criminal', 'strafrechtelijke gegevens', 'criminal records'),
    ('column_biometric', 'biometrische gegevens', 'biometric data'),
    ('column_genetic', 'genetische gegevens', 'genetic data'),
    ('column_health', 'gezondheidsgegevens', 'health data'),
    ('column_origin', 'herkomst of nationaliteit, die op etnische afkomst kan wijzen', 'origin or nationality, which may reveal ethnic origin'),
    ('column_youth_care', 'jeugdhulp, die vaak gezondheidsgegevens onthult', 'youth care, which often reveals health data'),
    ('column_meldcode', 'signalen uit de meldcode huiselijk geweld en kindermishandeling, die vaak gezondheidsgegevens onthullen', 'signs under the reporting code for domestic violence and child abuse, which often reveal health data')
),
matched AS (
    -- A diet is not health data by itself (halal or kosher food reveals a
    -- religion), and a home language is no special category: "Dieet" and
    -- "Thuistaal" are not reported.
    -- Headers are matched in lower case, each pattern a constant (DuckDB
    -- compiles a pattern taken from a table again for every row, which made
    -- this check take seconds). Long, unambiguous stems count
    -- anywhere in a header (Dutch writes compounds: "voedselallergie",
    -- "geloofsovertuiging"); short words only as a whole word, so that
    -- "Geloofwaardigheid", "Rasterfoto", "Politie" and "Afkomstig" do not
    -- match; sickness only in its health compounds ("Ziekmelding",
    -- "Ziektedagen"), not in "Ziektekostenverzekeraar".
    -- Every header of every input. Left out: the portal notes' own columns
    -- (their category is judged per note below and by
    -- health_data_without_basis), and the registers that describe
    -- processing rather than hold data about people (processing_activities,
    -- processors, breaches), whose headers may well name special categories.
    SELECT c.*, unnest([
        CASE WHEN regexp_matches(h, 'religi|godsdienst|levensovertuiging|levensbeschouw|geloofs|gezindte|kerkelijk|kerkgenoot|halal|koosjer|kosher|(^|[^\pL])(geloof|faith)([^\pL]|$)') THEN 'column_religion' END,
        CASE WHEN regexp_matches(h, 'etnisch|etnici|ethnic|migratieachtergrond|huidskleur|skin colou?r|(^|[^\pL])(ras|race|afkomst)([^\pL]|$)') THEN 'column_ethnicity' END,
        CASE WHEN regexp_matches(h, '(^|[^\pL])(politiek|politieke|political|politics)([^\pL]|$)') THEN 'column_politics' END,
        CASE WHEN regexp_matches(h, 'vakbond|vakvereniging|trade union|(^|[^\pL])union([^\pL]|$)') THEN 'column_union' END,
        CASE WHEN regexp_matches(h, 'seksue|seksual|sexual|geaardheid') THEN 'column_sexual_orientation' END,
        CASE WHEN regexp_matches(h, 'strafrecht|strafblad|veroordeling|criminal|conviction') THEN 'column_criminal' END,
        CASE WHEN regexp_matches(h, 'biometri|vingerafdruk|fingerprint|gezichtsherkenning|facial') THEN 'column_biometric' END,
        CASE WHEN regexp_matches(h, 'genetisch|genetic|(^|[^\pL])dna([^\pL]|$)') THEN 'column_genetic' END,
        CASE WHEN regexp_matches(h, 'gezondheid|health|medisch|medic|allergi|allergy|diagnos|handicap|vaccin|inenting|ziekmeld|ziekteverzuim|ziekteverlof|ziektedag|ziektegeschied|ziektebeeld|(^|[^\pL])(ziek|ziekte|ziekten|ziektes)([^\pL]|$)') THEN 'column_health' END,
        CASE WHEN regexp_matches(h, 'herkomst|nationalit|geboorteland|country of (birth|origin)|(^|[^\pL])origin([^\pL]|$)') THEN 'column_origin' END,
        CASE WHEN regexp_matches(h, 'jeugdhulp|jeugdzorg|youth care|wijkteam') THEN 'column_youth_care' END,
        CASE WHEN regexp_matches(h, 'meldcode|veilig thuis|kindermishandeling|huiselijk geweld|child abuse|domestic violence|zorgsignaal|zorgmelding') THEN 'column_meldcode' END
    ]) AS problem
    FROM (SELECT *, lower(header) AS h FROM _columns) c
    WHERE c.header IS NOT NULL
      AND c.table_name NOT IN ('processing_activities', 'processors', 'breaches')
      AND NOT (c.table_name = 'portal_notes' AND c.column_name IS NOT NULL)
),
header_hits AS (
    SELECT m.*, s.label_nl, s.label_en
    FROM matched m
    JOIN special s USING (problem)
),
findings AS (
    -- A column finding points to the export's header row.
    -- A column finding concerns an export, not a child: it has no location.
    SELECT table_name, header AS record_key, file AS _file, header_row AS _row, problem, position, column_name,
           NULL AS location, NULL AS group_name,
           'De kolom "' || header || '" (kolom ' || position || ') wijst op ' || label_nl ||
               ', gegevens die de AVG bijzonder beschermt; beoordeel of deze kolom nodig is en verwijder hem anders uit het systeem en de export.' AS message_nl,
           'The column "' || header || '" (column ' || position || ') suggests ' || label_en ||
               ', data the GDPR specially protects; judge whether this column is needed and otherwise remove it from the system and the export.' AS message_en
    FROM header_hits
    UNION ALL
    SELECT 'portal_notes', note_id, _file, _row, 'religion_note', NULL, NULL, p.location, p.group_name,
           'Deze notitie gaat over religie of levensovertuiging, een bijzondere categorie persoonsgegevens; bewaar haar alleen als dat nodig is voor de opvang en de ouders uitdrukkelijk toestemming gaven, en verwijder haar anders.',
           'This note is about religion or belief, a special category of personal data; keep it only if the care needs it and the parents gave explicit consent, and delete it otherwise.'
    FROM portal_notes
    LEFT JOIN portal_child_place() p USING (portal_child_id)
    WHERE category = 'religion'
)
SELECT table_name, record_key, _file, _row, message_nl, message_en, location, group_name, problem, position, column_name
FROM findings
ORDER BY table_name, _file, _row, position, problem
