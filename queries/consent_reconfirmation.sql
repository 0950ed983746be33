-- id: consent_reconfirmation
-- title.nl: Toestemming voor foto's al lang niet opnieuw gevraagd (goede praktijk)
-- title.en: Photo consent not asked again for a long time (good practice)
-- severity: info
-- area: toestemming
-- source: goede praktijk: jaarlijks opnieuw vragen (Kennisnet); de toestemming zelf: AVG art. 6 lid 1 sub a
--   en art. 7 (aantoonbaar, intrekbaar), voor kinderen onder 16 van de ouder met ouderlijk gezag (UAVG
--   art. 5); de AP-brief aan scholen (23 augustus 2017) noemt geen termijn; beleid:
--   consent.reconfirm_months
-- requires: portal_consents
-- reads: portal_children(portal_child_id, placement_end?~), portal_consents(portal_child_id, consent_type, granted, recorded_at, withdrawn_at?~)
-- impact: 1
-- impact.why.nl: een oude toestemming is nog geldig; het risico is dat ze niet meer de wens van de
--   ouders weergeeft
-- impact.why.en: an old consent is still valid; the risk is that it no longer reflects the parents' wishes
-- population: portal_consents(portal_child_id)
-- why.nl: Alleen de toestemming voor foto's (in het ouderportaal, en op website en sociale media) is
--   AVG-toestemming; ophalen door anderen, vervoer, spelen en zelfstandig gaan zijn afspraken met de
--   ouders, die niet verlopen en hier niet meetellen. Een gegeven AVG-toestemming blijft geldig tot de
--   ouders haar intrekken: de wet en de AP-brief aan scholen van 23 augustus 2017 noemen geen termijn.
--   Elk jaar opnieuw vragen is goede praktijk (Kennisnet), omdat de situatie van kind en ouders
--   verandert; daarom is dit een aanbeveling, geen overtreding. De check meldt per kind en soort
--   toestemming het nieuwste antwoord als dat een nog geldende toestemming is die langer geleden is
--   vastgelegd dan de termijn uit het beleid (standaard 12 maanden; precies op de termijn is nog op tijd),
--   of die geen datum heeft. Kinderen die volgens het ouderportaal niet meer geplaatst zijn (bij meer
--   plaatsingen: geen enkele loopt nog), tellen niet mee.
-- why.en: Only the consent to photos (in the parent portal, and on the website and social media) is AVG
--   consent; pickup by others, transport, play dates and going alone are agreements with the parents,
--   which do not expire and do not count here. A given AVG consent stays valid until the parents withdraw
--   it: neither the law nor the AP's letter to schools of 23 August 2017 sets a period. Asking again every
--   year is good practice (Kennisnet), because the situation of child and parents changes; so this is a
--   recommendation, not a breach. The check reports, per child and kind of consent, the newest answer when
--   it is a consent still in force that was recorded longer ago than the policy period (default 12
--   months; exactly on the period is still in time), or that has no date. Children no longer placed
--   according to the parent portal (with several placements: none still running) do not count.
-- fix.nl: Vraag de ouders als goede praktijk de toestemming voor foto's in het ouderportaal te bevestigen of
--   in te trekken, en plan dat voortaan elk jaar (bijvoorbeeld bij de start van het schooljaar).
-- fix.en: As good practice, ask the parents to confirm or withdraw the consent to photos in the parent
--   portal, and plan that every year from now on (for example at the start of the school year).
-- columns.nl: Toestemming, Vastgelegd op, Herbevestigen uiterlijk, Probleem
-- columns.en: Consent, Recorded at, Reconfirm by, Problem
-- codes:
--   problem:
--     outdated: niet herbevestigd binnen de termijn | not reconfirmed within the period
--     undated: toestemming zonder datum vastgelegd | consent recorded without a date
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
WITH settings AS (
    SELECT getvariable('as_of')::DATE AS as_of,
           getvariable('consent.reconfirm_months')::INTEGER AS months,
           to_months(getvariable('consent.reconfirm_months')::INTEGER) AS period
),
labels(consent_type, nl, en) AS (
    -- The AVG consents: the other permissions are agreements with the
    -- parents, which do not expire.
    VALUES ('photo_portal', 'foto''s in het ouderportaal', 'photos in the parent portal'),
           ('photo_external', 'foto''s op website en sociale media', 'photos on the website and social media'),
           ('photo_website', 'foto''s op de website', 'photos on the website'),
           ('photo_social', 'foto''s op sociale media', 'photos on social media')
),
newest AS (
    -- The newest answer per child and kind of consent recorded by the
    -- reference date; an undated answer counts as the earliest, on a tie a
    -- refusal wins.
    SELECT c.*, row_number() OVER (PARTITION BY c.portal_child_id, c.consent_type
                                   ORDER BY c.recorded_at DESC NULLS LAST, c.granted ASC, c._file DESC, c._row DESC) AS rn
    FROM portal_consents c, settings s
    WHERE (c.recorded_at IS NULL OR c.recorded_at::DATE <= s.as_of)
      AND c.consent_type IN (SELECT consent_type FROM labels)
),
gone AS (
    -- Children no longer placed: in every portal export that has them, the
    -- placement ended before the reference date.
    SELECT pc.portal_child_id
    FROM portal_children pc, settings s
    GROUP BY pc.portal_child_id, s.as_of
    HAVING bool_and(coalesce(pc.placement_end < s.as_of, false))
),
found AS (
    SELECT n.*, s.months,
           (n.recorded_at::DATE + s.period)::DATE AS reconfirm_by,
           CASE WHEN n.recorded_at IS NULL THEN 'undated' ELSE 'outdated' END AS problem
    FROM newest n, settings s
    WHERE n.rn = 1 AND n.granted
      AND (n.withdrawn_at IS NULL OR n.withdrawn_at::DATE > s.as_of)
      AND (n.recorded_at IS NULL OR (n.recorded_at::DATE + s.period)::DATE < s.as_of)
      AND n.portal_child_id NOT IN (SELECT portal_child_id FROM gone)
)
SELECT
    'portal_consents' AS table_name,
    f.portal_child_id || '/' || f.consent_type ||
        coalesce('/' || CASE WHEN f.recorded_at = date_trunc('day', f.recorded_at) THEN strftime(f.recorded_at, '%Y-%m-%d')
                             ELSE strftime(f.recorded_at, '%Y-%m-%d %H:%M') END, '') AS record_key, f.portal_child_id AS data_subject,
    f._file, f._row,
    'Toestemming voor ' || coalesce(l.nl, f.consent_type) ||
    CASE f.problem
        WHEN 'undated' THEN ' is zonder datum vastgelegd: vraag de ouders haar te bevestigen of in te trekken, zodat vastligt wanneer zij is gegeven.'
        ELSE ' is vastgelegd op ' || strftime(f.recorded_at, '%d-%m-%Y') || ' en sindsdien niet herbevestigd (termijn ' || f.months ||
             ' maanden, goede praktijk): vraag de ouders haar te bevestigen of in te trekken.'
    END AS message_nl,
    'Consent to ' || coalesce(l.en, f.consent_type) ||
    CASE f.problem
        WHEN 'undated' THEN ' was recorded without a date: ask the parents to confirm or withdraw it, so that it is clear when it was given.'
        ELSE ' was recorded on ' || strftime(f.recorded_at, '%Y-%m-%d') || ' and not reconfirmed since (period ' || f.months ||
             ' months, good practice): ask the parents to confirm or withdraw it.'
    END AS message_en,
    p.location, p.group_name, f.consent_type, f.recorded_at, f.reconfirm_by, f.problem
FROM found f
LEFT JOIN portal_child_place() p ON p.portal_child_id = f.portal_child_id
LEFT JOIN labels l ON l.consent_type = f.consent_type
ORDER BY f._file, f._row
