-- id: consent_incomplete
-- title.nl: Toestemmingsvragen niet beantwoord
-- title.en: Consent questions left unanswered
-- severity: medium
-- area: toestemming
-- source: AVG art. 6 lid 1 sub a en art. 7 lid 1 (toestemming aantoonbaar); privacystatement: ouders
--   geven bij de intake in het ouderportaal zeven toestemmingen
-- requires: portal_children, portal_consents
-- reads: portal_children(portal_child_id, placement_start?, placement_end), portal_consents(portal_child_id, consent_type, granted, recorded_at?)
-- impact: 3
-- impact.why: staff may photograph, transport or hand over a child without knowing whether the parents
--   agree
-- population: portal_children
-- why.nl: Bij de intake beantwoorden ouders in het ouderportaal zeven vaste toestemmingsvragen: ophalen
--   door anderen, foto's in het ouderportaal, vervoer, vriendje komt spelen, spelen bij een vriendje,
--   zelfstandig van school komen en zelfstandig naar huis gaan. Zonder antwoord weten medewerkers niet
--   wat mag, en kan de organisatie niet aantonen dat er toestemming is. De check kijkt naar kinderen die
--   op de peildatum geplaatst zijn; een antwoord ja of nee telt, vastgelegd uiterlijk op de peildatum.
-- why.en: At intake, parents answer seven fixed consent questions in the parent portal: pickup by
--   others, photos in the parent portal, transport, a friend coming to play, playing at a friend's,
--   coming from school alone and going home alone. Without an answer, staff do not know what is
--   allowed and the organisation cannot prove consent. The check looks at children placed on the
--   reference date; an answer yes or no counts, recorded by the reference date.
-- fix.nl: Vraag de ouders de ontbrekende vragen in het ouderportaal te beantwoorden, en ga tot dan uit van
--   geen toestemming.
-- fix.en: Ask the parents to answer the missing questions in the parent portal, and assume no consent
--   until they do.
-- columns.nl: Ontbrekende toestemmingen
-- columns.en: Missing consents
WITH settings AS (
    SELECT getvariable('as_of')::DATE AS as_of
),
intake(question, consent_type, label_nl, label_en) AS (
    -- model.IntakeConsentTypes, in the order the portal asks them.
    VALUES (1, 'pickup_by_others', 'ophalen door anderen', 'pickup by others'),
           (2, 'photo_portal', 'foto''s in het ouderportaal', 'photos in the parent portal'),
           (3, 'transport', 'vervoer', 'transport'),
           (4, 'friend_visit', 'vriendje komt spelen', 'a friend coming to play'),
           (5, 'visit_friend', 'spelen bij een vriendje', 'playing at a friend''s'),
           (6, 'independent_from_school', 'zelfstandig van school komen', 'coming from school alone'),
           (7, 'independent_home', 'zelfstandig naar huis gaan', 'going home alone')
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
answered AS (
    SELECT DISTINCT a.portal_child_id, a.consent_type
    FROM portal_consents a, settings s
    WHERE a.granted IS NOT NULL AND (a.recorded_at IS NULL OR a.recorded_at::DATE <= s.as_of)
),
missing AS (
    SELECT p.portal_child_id, p._file, p._row, count(*) AS n,
           -- the codes sorted, the questions in the portal's order
           string_agg(i.consent_type, ', ' ORDER BY i.consent_type) AS missing_types,
           string_agg(i.label_nl, ', ' ORDER BY i.question) AS missing_nl,
           string_agg(i.label_en, ', ' ORDER BY i.question) AS missing_en
    FROM placed p
    CROSS JOIN intake i
    LEFT JOIN answered a ON a.portal_child_id = p.portal_child_id AND a.consent_type = i.consent_type
    WHERE a.portal_child_id IS NULL
    GROUP BY p.portal_child_id, p._file, p._row
)
SELECT
    'portal_children' AS table_name,
    portal_child_id AS record_key,
    _file, _row,
    'De ouders hebben ' || n || ' van de 7 toestemmingsvragen niet beantwoord (' || missing_nl ||
        '): vraag hen dit in het ouderportaal te doen en ga tot dan uit van geen toestemming.' AS message_nl,
    'The parents left ' || n || ' of the 7 consent questions unanswered (' || missing_en ||
        '): ask them to answer in the parent portal and assume no consent until then.' AS message_en,
    c.location, c.group_name, missing_types
FROM missing
LEFT JOIN portal_child_place() c USING (portal_child_id)
ORDER BY _file, _row
