-- id: consent_not_by_guardian
-- title.nl: Toestemming gegeven door iemand die geen ouder of voogd is
-- title.en: Consent given by someone who is not a parent or guardian
-- severity: medium
-- area: toestemming
-- source: foto's: AVG art. 6 lid 1 sub a en art. 7 lid 1 (toestemming, aantoonbaar); voor een kind onder
--   16 geeft de ouder met ouderlijk gezag (of de voogd) de toestemming (UAVG art. 5); de andere
--   antwoorden (ophalen, vervoer, ...) zijn afspraken met de ouders, die ook alleen zij kunnen maken
-- requires: portal_consents, portal_guardians | admin_guardians, portal_guardians | portal_children
-- reads: admin_guardians(child_id, name, parental_authority?), portal_children(portal_child_id, child_id), portal_consents(portal_child_id, consent_type, granted, recorded_at?, given_by), portal_guardians(portal_child_id, name)
-- impact: 3
-- impact.why.nl: een toestemming, zoals ophalen door anderen, berust op iemand zonder ouderlijk
--   gezag en is ongeldig
-- impact.why.en: a permission, such as pickup by others, rests on someone without parental authority and
--   is invalid
-- population: portal_consents(portal_child_id)
-- why.nl: Voor een kind onder de 16 geldt alleen AVG-toestemming (foto's) van een ouder met gezag of de
--   voogd (UAVG art. 5), en alleen zij maken de afspraken over ophalen, vervoer en zelfstandig gaan.
--   De check vergelijkt de naam bij het antwoord (gegeven door) met de ouders van het kind in het
--   ouderportaal en, als het kind aan de administratie is gekoppeld, met de ouders/verzorgers in de administratie; hoofdletters,
--   extra spaties en een rol tussen haakjes ("Judith (moeder)") tellen niet, en een voornaam alleen telt als
--   de voornaam van een bekende ouder. Zegt de administratie per ouder of die het ouderlijk gezag heeft, dan telt
--   een antwoord van een ouder zonder gezag ook als bevinding; zonder die kolom is de check onvolledig, want
--   ouder zijn is niet hetzelfde als gezag hebben. Een gegeven toestemming voor foto's zonder naam is niet
--   aantoonbaar (AVG art. 7 lid 1): ook dat is een bevinding. Andere antwoorden zonder naam en kinderen van
--   wie geen enkele ouder bekend is, worden niet op de naam beoordeeld.
-- why.en: For a child under 16 only the AVG consent (photos) of a parent with parental authority or the
--   guardian counts (UAVG art. 5), and only they make the agreements on pickup, transport and going
--   alone. The check compares the name with the answer (given by) with the child's parents in the parent
--   portal and, when the child is linked to the administration, with the parents/guardians there; case, extra spaces and a role
--   in brackets ("Judith (moeder)") do not count, and a first name alone counts as that of a known parent.
--   Where the administration says per parent whether they hold parental authority, an answer by a parent
--   without it is a finding too; without that column the check is incomplete, as being a parent is not the
--   same as holding authority. A photo consent given without a name cannot be demonstrated (AVG art. 7
--   lid 1): that is a finding as well. Other answers without a name and children with no known parent at
--   all are not judged on the name.
-- fix.nl: Ga na wie de toestemming gaf. Was dat geen ouder of voogd, vraag de ouders het antwoord zelf
--   opnieuw te geven en ga tot dan uit van geen toestemming; is het wel een ouder, corrigeer dan de naam
--   of de gegevens van de ouders.
-- fix.en: Find out who gave the consent. If it was not a parent or guardian, ask the parents to answer
--   again themselves and assume no consent until then; if it was a parent, correct the name or the
--   parents' details.
-- columns.nl: Toestemming, Vastgelegd op, Gegeven door, Probleem
-- columns.en: Consent, Recorded at, Given by, Problem
-- codes:
--   problem:
--     not_guardian: niet bekend als ouder of voogd | not known as a parent or guardian
--     no_authority: ouder zonder ouderlijk gezag | parent without parental authority
--     given_by_missing: niet vastgelegd wie de toestemming gaf | not recorded who gave the consent
--   consent_type:
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
WITH known AS (
    -- The names of the child's parents: in the portal, and in the
    -- administration for a child linked to it, with whether the
    -- administration says they hold parental authority (NULL: unknown).
    -- Case and spaces (also the non-breaking spaces of copied names) do
    -- not count.
    SELECT portal_child_id, lower(trim(regexp_replace(name, '[\s\pZ]+', ' ', 'g'))) AS name, NULL::BOOLEAN AS authority
    FROM portal_guardians
    WHERE trim(coalesce(name, '')) <> ''
    UNION
    SELECT pc.portal_child_id, lower(trim(regexp_replace(g.name, '[\s\pZ]+', ' ', 'g'))), g.parental_authority
    FROM portal_children pc
    JOIN admin_guardians g ON g.child_id = pc.child_id
    WHERE trim(coalesce(g.name, '')) <> ''
),
named AS (
    -- a role in brackets ("Judith (moeder)") is no part of the name
    SELECT c.*, lower(trim(regexp_replace(regexp_replace(c.given_by, '\([^)]*\)', ' ', 'g'), '[\s\pZ]+', ' ', 'g'))) AS given_name
    FROM portal_consents c
    WHERE trim(coalesce(c.given_by, '')) <> ''
      AND c.portal_child_id IN (SELECT portal_child_id FROM known)
),
found AS (
    SELECT n.*, 'not_guardian' AS problem
    FROM named n
    WHERE NOT EXISTS (SELECT 1 FROM known k WHERE k.portal_child_id = n.portal_child_id AND (k.name = n.given_name OR (NOT contains(n.given_name, ' ') AND split_part(k.name, ' ', 1) = n.given_name)))
    UNION ALL
    -- a parent the administration records without authority, and nowhere with it
    SELECT n.*, 'no_authority'
    FROM named n
    WHERE EXISTS (SELECT 1 FROM known k WHERE k.portal_child_id = n.portal_child_id AND (k.name = n.given_name OR (NOT contains(n.given_name, ' ') AND split_part(k.name, ' ', 1) = n.given_name)) AND k.authority = false)
      AND NOT EXISTS (SELECT 1 FROM known k WHERE k.portal_child_id = n.portal_child_id AND (k.name = n.given_name OR (NOT contains(n.given_name, ' ') AND split_part(k.name, ' ', 1) = n.given_name)) AND k.authority)
    UNION ALL
    -- a photo consent (AVG consent, art. 7 lid 1: demonstrable) given without a name
    SELECT c.*, NULL, 'given_by_missing'
    FROM portal_consents c
    WHERE trim(coalesce(c.given_by, '')) = ''
      AND c.granted
      AND c.consent_type IN ('photo_portal', 'photo_external', 'photo_website', 'photo_social')
)
SELECT
    'portal_consents' AS table_name,
    portal_child_id || '/' || consent_type ||
        coalesce('/' || CASE WHEN recorded_at = date_trunc('day', recorded_at) THEN strftime(recorded_at, '%Y-%m-%d')
                             ELSE strftime(recorded_at, '%Y-%m-%d %H:%M') END, '') AS record_key, portal_child_id AS data_subject,
    _file, _row,
    CASE problem
        WHEN 'not_guardian' THEN 'Het antwoord op deze toestemmingsvraag' || coalesce(' (vastgelegd op ' || strftime(recorded_at, '%d-%m-%Y') || ')', '') ||
            ' is gegeven door iemand die niet als ouder of voogd van het kind bekend is: ga na wie dit was en laat zo nodig een ouder opnieuw antwoorden.'
        WHEN 'no_authority' THEN 'Het antwoord op deze toestemmingsvraag' || coalesce(' (vastgelegd op ' || strftime(recorded_at, '%d-%m-%Y') || ')', '') ||
            ' is gegeven door een ouder die volgens de administratie geen ouderlijk gezag heeft: laat een ouder met gezag (of de voogd) opnieuw antwoorden.'
        ELSE 'Deze toestemming voor foto''s' || coalesce(' (vastgelegd op ' || strftime(recorded_at, '%d-%m-%Y') || ')', '') ||
            ' is gegeven zonder vast te leggen wie haar gaf: ze is zo niet aantoonbaar; laat een ouder met gezag haar opnieuw geven, met naam.'
    END AS message_nl,
    CASE problem
        WHEN 'not_guardian' THEN 'The answer to this consent question' || coalesce(' (recorded on ' || strftime(recorded_at, '%Y-%m-%d') || ')', '') ||
            ' was given by someone not known as a parent or guardian of the child: find out who it was and have a parent answer again if needed.'
        WHEN 'no_authority' THEN 'The answer to this consent question' || coalesce(' (recorded on ' || strftime(recorded_at, '%Y-%m-%d') || ')', '') ||
            ' was given by a parent who according to the administration does not hold parental authority: have a parent with authority (or the guardian) answer again.'
        ELSE 'This photo consent' || coalesce(' (recorded on ' || strftime(recorded_at, '%Y-%m-%d') || ')', '') ||
            ' was given without recording who gave it, so it cannot be demonstrated: have a parent with authority give it again, by name.'
    END AS message_en,
    p.location, p.group_name, consent_type, recorded_at, given_by, problem
FROM found
LEFT JOIN portal_child_place() p USING (portal_child_id)
ORDER BY _file, _row, problem
