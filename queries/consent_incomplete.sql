-- id: consent_incomplete
-- title.nl: Intakevragen over foto's en afspraken niet beantwoord
-- title.en: Intake questions on photos and permissions left unanswered
-- severity: medium
-- area: toestemming
-- source: foto's in het ouderportaal: AVG art. 6 lid 1 sub a en art. 7 lid 1 (toestemming aantoonbaar),
--   voor kinderen onder 16 gegeven door de ouder met ouderlijk gezag (UAVG art. 5); de andere vragen zijn
--   afspraken met de ouders, geen AVG-toestemming (privacystatement: ouders beantwoorden ze bij de intake
--   in het ouderportaal)
-- requires: portal_children, portal_consents
-- reads: portal_children(portal_child_id, child_id?, placement_start?, placement_end?~), portal_consents(portal_child_id, consent_type, granted, recorded_at?), admin_children(child_id, care_type?)
-- impact: 3
-- impact.why.nl: medewerkers kunnen een kind fotograferen, vervoeren of meegeven zonder te weten of
--   de ouders ermee instemmen
-- impact.why.en: staff may photograph, transport or hand over a child without knowing whether the parents
--   agree
-- population: portal_children
-- why.nl: Bij de intake beantwoorden ouders in het ouderportaal vaste vragen. Foto's in het ouderportaal is
--   AVG-toestemming: zonder antwoord kan de organisatie die niet aantonen. Ophalen door anderen en vervoer
--   zijn afspraken met de ouders, geen AVG-toestemming (ze verlopen niet), maar zonder antwoord weten
--   medewerkers niet wat mag. Vriendje komt spelen, spelen bij een vriendje, zelfstandig van school komen
--   en zelfstandig naar huis gaan zijn vragen voor de buitenschoolse opvang: ze gelden alleen voor een kind
--   in een BSO-groep (volgens de opvangsoort in de administratie, of een groepsnaam met 'BSO'). De check
--   kijkt naar kinderen die op de peildatum geplaatst zijn; een antwoord ja of nee telt, vastgelegd
--   uiterlijk op de peildatum. Een vraag waar geen enkel kind een antwoord op heeft, staat niet in de
--   export (een portaalexport met alleen de fotovragen) en wordt niet beoordeeld.
-- why.en: At intake, parents answer fixed questions in the parent portal. Photos in the parent portal is
--   AVG consent: without an answer the organisation cannot prove it. Pickup by others and transport are
--   agreements with the parents, not AVG consent (they do not expire), but without an answer staff do not
--   know what is allowed. A friend coming to play, playing at a friend's, coming from school alone and
--   going home alone are questions for out-of-school care: they apply only to a child in a BSO group (by
--   the kind of care in the administration, or a group name with 'BSO'). The check looks at children
--   placed on the reference date; an answer yes or no counts, recorded by the reference date. A question
--   no child has an answer to is not in the export (a portal export of only the photo questions) and
--   is not judged.
-- fix.nl: Vraag de ouders de ontbrekende vragen in het ouderportaal te beantwoorden, en ga tot dan uit van
--   geen toestemming.
-- fix.en: Ask the parents to answer the missing questions in the parent portal, and assume no consent
--   until they do.
-- columns.nl: Ontbrekende antwoorden
-- columns.en: Missing answers
-- codes:
--   missing_types:
--     photo_portal: foto's in het ouderportaal | photos in the parent portal
--     photo_external: foto's op website en sociale media | photos on the website and social media
--     photo_website: foto's op de website | photos on the website
--     photo_social: foto's op sociale media | photos on social media
--     pickup_by_others: ophalen door anderen | pickup by others
--     transport: vervoer | transport
--     friend_visit: vriendje komt spelen | a friend coming to play
--     visit_friend: spelen bij een vriendje | playing at a friend's
--     independent_from_school: zelfstandig van school komen | coming from school alone
--     independent_home: zelfstandig naar huis gaan | going home alone
WITH settings AS (
    SELECT getvariable('as_of')::DATE AS as_of
),
intake(question, consent_type, bso_only, label_nl, label_en) AS (
    -- model.IntakeConsentTypes, in the order the portal asks them.
    VALUES (1, 'pickup_by_others', false, 'ophalen door anderen', 'pickup by others'),
           (2, 'photo_portal', false, 'foto''s in het ouderportaal', 'photos in the parent portal'),
           (3, 'transport', false, 'vervoer', 'transport'),
           (4, 'friend_visit', true, 'vriendje komt spelen', 'a friend coming to play'),
           (5, 'visit_friend', true, 'spelen bij een vriendje', 'playing at a friend''s'),
           (6, 'independent_from_school', true, 'zelfstandig van school komen', 'coming from school alone'),
           (7, 'independent_home', true, 'zelfstandig naar huis gaan', 'going home alone')
),
bso_children AS (
    -- Children in out-of-school care: by the administration's kind of care
    -- (any of its records), else by a group name that says BSO.
    SELECT DISTINCT child_id FROM admin_children
    WHERE regexp_matches(lower(coalesce(care_type, '')), 'bso|buitenschool|out.of.school')
),
placed AS (
    -- A child placed at several locations (in several portal exports) is
    -- reported once, at its first placement that runs on the reference date.
    SELECT c.*
    FROM portal_children c, settings s
    WHERE (c.placement_end IS NULL OR c.placement_end >= s.as_of)
      AND (c.placement_start IS NULL OR c.placement_start <= s.as_of)
    QUALIFY row_number() OVER (PARTITION BY c.portal_child_id ORDER BY c._file, c._row) = 1
),
placed_bso AS (
    SELECT p.*, pl.location, pl.group_name AS place_group,
           p.child_id IN (SELECT child_id FROM bso_children)
               OR regexp_matches(lower(coalesce(pl.group_name, '')), '\bbso\b') AS bso
    FROM placed p
    LEFT JOIN portal_child_place() pl USING (portal_child_id)
),
answered AS (
    SELECT DISTINCT a.portal_child_id, a.consent_type
    FROM portal_consents a, settings s
    WHERE a.granted IS NOT NULL AND (a.recorded_at IS NULL OR a.recorded_at::DATE <= s.as_of)
),
missing AS (
    SELECT p.portal_child_id, p._file, p._row, p.location, p.place_group, p.bso, count(*) AS n,
           -- the codes sorted, the questions in the portal's order
           string_agg(i.consent_type, ', ' ORDER BY i.consent_type) AS missing_types,
           string_agg(i.label_nl, ', ' ORDER BY i.question) AS missing_nl,
           string_agg(i.label_en, ', ' ORDER BY i.question) AS missing_en
    FROM placed_bso p
    JOIN intake i ON (p.bso OR NOT i.bso_only)
     -- a question no child has an answer to is not in the export
     AND i.consent_type IN (SELECT consent_type FROM portal_consents)
    LEFT JOIN answered a ON a.portal_child_id = p.portal_child_id AND a.consent_type = i.consent_type
    WHERE a.portal_child_id IS NULL
    GROUP BY ALL
)
SELECT
    'portal_children' AS table_name,
    portal_child_id AS record_key,
    _file, _row,
    'De ouders hebben ' || n || ' van de ' || CASE WHEN bso THEN 7 ELSE 3 END || ' intakevragen niet beantwoord (' || missing_nl ||
        '): vraag hen dit in het ouderportaal te doen en ga tot dan uit van geen toestemming.' AS message_nl,
    'The parents left ' || n || ' of the ' || CASE WHEN bso THEN 7 ELSE 3 END || ' intake questions unanswered (' || missing_en ||
        '): ask them to answer in the parent portal and assume no consent until then.' AS message_en,
    location, place_group AS group_name, missing_types
FROM missing
ORDER BY _file, _row
