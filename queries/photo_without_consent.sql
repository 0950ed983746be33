-- id: photo_without_consent
-- title.nl: Foto in het ouderportaal zonder toestemming
-- title.en: Photo in the parent portal without consent
-- severity: high
-- area: toestemming
-- source: AVG art. 6 lid 1 sub a en art. 7 (toestemming, aantoonbaar); voor kinderen onder 16 gegeven
--   door de ouder met ouderlijk gezag (UAVG art. 5); privacystatement: foto's alleen van kinderen
--   waarvan de ouders toestemming hebben gegeven
-- requires: portal_photos, portal_consents
-- reads: portal_consents(portal_child_id, consent_type, granted, recorded_at?, withdrawn_at?~), portal_photos(photo_id, portal_child_id, posted_at, removed_at?~)
-- impact: 4
-- impact.why.nl: foto's van een kind worden zonder toestemming aan andere ouders getoond; het
--   publiek is besloten, anders dan op social media (5)
-- impact.why.en: photos of a child are shown to other parents without consent; the audience is closed,
--   unlike social media (5)
-- population: portal_photos(portal_child_id)
-- why.nl: Een herkenbare foto van een kind is een persoonsgegeven. In het dagboek van het ouderportaal
--   mogen alleen foto's staan van kinderen voor wie de ouders op het moment van plaatsen toestemming
--   hadden gegeven voor foto's in het ouderportaal. Een foto zonder (geldige) toestemming is een
--   onrechtmatige verwerking en kan een datalek zijn.
-- why.en: A recognisable photo of a child is personal data. The parent-portal diary may only show
--   children whose parents had consented to photos in the portal at the moment of posting. A photo
--   without (valid) consent is unlawful processing and may be a data breach.
-- fix.nl: Verwijder de foto of maak het kind onherkenbaar, en beoordeel of er sprake is van een datalek.
--   Controleer of de toestemming in het portaal juist is vastgelegd; laat medewerkers voor het plaatsen
--   de toestemmingslijst van de groep raadplegen.
-- fix.en: Remove the photo or make the child unrecognisable, and assess whether this is a data breach.
--   Check that the consent is recorded correctly in the portal; have staff consult the group's consent
--   list before posting.
-- columns.nl: Geplaatst op, Verwijderd op, Probleem
-- columns.en: Posted at, Removed at, Problem
-- codes:
--   problem:
--     undated: toestemming zonder datum vastgelegd | consent recorded without a date
--     none: geen toestemming vastgelegd | no consent recorded
--     refused: toestemming geweigerd | consent refused
--     withdrawn: toestemming ingetrokken | consent withdrawn
--     after: toestemming pas na plaatsing vastgelegd | consent recorded only after posting
WITH photos AS (
    -- A photo posted with a date but no time of day may have been posted at
    -- any moment of that day: it is compared as posted at the end of it, so
    -- a consent recorded that day counts as given before it, and a
    -- withdrawal that day as made before it. Photos posted after the
    -- reference date are not judged.
    SELECT *,
           posted_at = date_trunc('day', posted_at) AS date_only,
           CASE WHEN posted_at = date_trunc('day', posted_at)
                THEN posted_at + INTERVAL 1 DAY - INTERVAL 1 SECOND ELSE posted_at END AS posted_cmp
    FROM portal_photos
    WHERE posted_at::DATE <= getvariable('as_of')::DATE
),
candidates AS (
    -- The answer in force when the photo was posted: the latest recorded one
    -- at or before posting (an undated answer counts as the earliest). On a
    -- tie a refusal wins.
    SELECT p._file AS photo_file, p._row AS photo_row, p.portal_child_id AS photo_child,
           c.granted, c.recorded_at, c.withdrawn_at,
           row_number() OVER (PARTITION BY p._file, p._row, p.portal_child_id
                              ORDER BY c.recorded_at DESC NULLS LAST, coalesce(c.granted, false) ASC, c._row DESC) AS rn
    FROM photos p
    JOIN portal_consents c
      ON c.portal_child_id = p.portal_child_id
     AND c.consent_type = 'photo_portal'
     AND (c.recorded_at IS NULL OR c.recorded_at <= p.posted_cmp)
),
later AS (
    SELECT portal_child_id, min(recorded_at) AS first_recorded
    FROM portal_consents
    WHERE consent_type = 'photo_portal' AND granted
    GROUP BY portal_child_id
),
judged AS (
    SELECT p.*, e.granted, e.recorded_at, e.withdrawn_at, l.first_recorded,
           CASE
               WHEN e.photo_row IS NULL AND l.first_recorded > p.posted_cmp THEN 'after'
               WHEN e.photo_row IS NULL THEN 'none'
               WHEN NOT coalesce(e.granted, false) THEN 'refused'
               WHEN e.withdrawn_at <= p.posted_cmp THEN 'withdrawn'
           END AS problem,
           CASE WHEN p.date_only THEN strftime(p.posted_at, '%d-%m-%Y') ELSE strftime(p.posted_at, '%d-%m-%Y %H:%M') END AS posted_nl,
           CASE WHEN p.date_only THEN strftime(p.posted_at, '%Y-%m-%d') ELSE strftime(p.posted_at, '%Y-%m-%d %H:%M') END AS posted_en
    FROM photos p
    LEFT JOIN candidates e ON e.photo_file = p._file AND e.photo_row = p._row AND e.photo_child IS NOT DISTINCT FROM p.portal_child_id AND e.rn = 1
    LEFT JOIN later l ON l.portal_child_id = p.portal_child_id
)
SELECT
    'portal_photos' AS table_name,
    photo_id || '/' || portal_child_id AS record_key, portal_child_id AS data_subject,
    _file, _row,
    CASE problem
        WHEN 'none' THEN 'Geen toestemming voor foto''s in het ouderportaal vastgelegd.'
        WHEN 'after' THEN 'Toestemming pas vastgelegd op ' || strftime(first_recorded, '%d-%m-%Y') || ', na plaatsing van de foto.'
        WHEN 'refused' THEN 'Ouders hebben geen toestemming gegeven (vastgelegd ' || coalesce(strftime(recorded_at, '%d-%m-%Y'), 'zonder datum') || ').'
        WHEN 'withdrawn' THEN 'Toestemming ingetrokken op ' || strftime(withdrawn_at, '%d-%m-%Y') || ', vóór plaatsing van de foto.'
    END || ' Foto geplaatst op ' || posted_nl || '.' AS message_nl,
    CASE problem
        WHEN 'none' THEN 'No consent for photos in the parent portal recorded.'
        WHEN 'after' THEN 'Consent only recorded on ' || strftime(first_recorded, '%Y-%m-%d') || ', after the photo was posted.'
        WHEN 'refused' THEN 'Parents refused consent (recorded ' || coalesce(strftime(recorded_at, '%Y-%m-%d'), 'undated') || ').'
        WHEN 'withdrawn' THEN 'Consent withdrawn on ' || strftime(withdrawn_at, '%Y-%m-%d') || ', before the photo was posted.'
    END || ' Photo posted on ' || posted_en || '.' AS message_en,
    c.location, coalesce(c.group_name, j.group_name) AS group_name, posted_at, removed_at, problem
FROM judged j
LEFT JOIN portal_child_place() c USING (portal_child_id)
WHERE problem IS NOT NULL
ORDER BY _file, _row
