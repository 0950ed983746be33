-- id: photo_after_withdrawal
-- title.nl: Foto blijft in het ouderportaal na intrekken van de toestemming
-- title.en: Photo left in the parent portal after consent was withdrawn
-- severity: high
-- area: toestemming
-- source: AVG art. 7 lid 3 (intrekken van toestemming) en art. 17 lid 1 sub b (recht op vergetelheid)
-- requires: portal_photos, portal_consents
-- reads: portal_consents(portal_child_id, consent_type, granted, recorded_at?, withdrawn_at~), portal_photos(photo_id, portal_child_id, posted_at, removed_at?~)
-- impact: 4
-- impact.why.nl: ouders hebben hun toestemming uitdrukkelijk ingetrokken en de foto is nog steeds
--   te zien voor andere ouders van de groep
-- impact.why.en: parents explicitly withdrew consent and the photo is still shown to other parents of the
--   group
-- population: portal_photos(portal_child_id)
-- why.nl: Ouders kunnen hun toestemming voor foto's in het ouderportaal altijd intrekken. Een foto die
--   is geplaatst toen er nog toestemming was, mag daarna niet blijven staan: zonder grondslag moet hij
--   worden verwijderd. Een later antwoord 'nee' in het portaal geldt ook als intrekken. Telt alleen als
--   er op de peildatum niet opnieuw toestemming is gegeven. Foto's die na het intrekken zijn geplaatst,
--   meldt de check photo_without_consent.
-- why.en: Parents may withdraw their consent to photos in the parent portal at any time. A photo posted
--   while consent was given may not stay after that: without a legal basis it must be removed. A later
--   answer 'no' in the portal counts as a withdrawal too. Only counts when no new consent is in force
--   on the reference date. Photos posted after the withdrawal are reported by the check
--   photo_without_consent.
-- fix.nl: Verwijder de foto uit het dagboek of maak het kind onherkenbaar. Spreek af dat bij het intrekken
--   van toestemming ook de eerder geplaatste foto's van het kind worden verwijderd.
-- fix.en: Remove the photo from the diary or make the child unrecognisable. Agree that when consent is
--   withdrawn, the child's earlier photos are removed as well.
-- columns.nl: Geplaatst op, Toestemming ingetrokken op, Probleem
-- columns.en: Posted at, Consent withdrawn at, Problem
-- codes:
--   problem:
--     not_removed: foto niet verwijderd na intrekking | photo not removed after withdrawal
WITH settings AS (
    SELECT getvariable('as_of')::DATE AS as_of
),
photos AS (
    -- A photo with a posting date but no time is compared as posted at the
    -- end of that day, as photo_without_consent does: a withdrawal that day
    -- counts as made before it (and is that check's finding).
    SELECT *,
           posted_at = date_trunc('day', posted_at) AS date_only,
           CASE WHEN posted_at = date_trunc('day', posted_at)
                THEN posted_at + INTERVAL 1 DAY - INTERVAL 1 SECOND ELSE posted_at END AS posted_cmp
    FROM portal_photos, settings s
    WHERE removed_at IS NULL OR removed_at::DATE > s.as_of
),
answers AS (
    -- The photo_portal answers recorded by the reference date; an undated
    -- answer counts as the earliest, on a tie a refusal wins.
    SELECT c.*, row_number() OVER (PARTITION BY c.portal_child_id
                                   ORDER BY c.recorded_at DESC NULLS LAST, c.granted ASC, c._row DESC) AS newest
    FROM portal_consents c, settings s
    WHERE c.consent_type = 'photo_portal' AND (c.recorded_at IS NULL OR c.recorded_at::DATE <= s.as_of)
),
at_posting AS (
    -- The answer in force when the photo was posted: the latest recorded at
    -- or before posting.
    SELECT p._file AS photo_file, p._row AS photo_row, p.portal_child_id AS photo_child, a.granted, a.withdrawn_at,
           row_number() OVER (PARTITION BY p._file, p._row, p.portal_child_id
                              ORDER BY a.recorded_at DESC NULLS LAST, a.granted ASC, a._row DESC) AS rn
    FROM photos p
    JOIN answers a ON a.portal_child_id = p.portal_child_id
     AND (a.recorded_at IS NULL OR a.recorded_at <= p.posted_cmp)
),
given_now AS (
    -- Children whose newest answer is a consent still in force.
    SELECT a.portal_child_id
    FROM answers a, settings s
    WHERE a.newest = 1 AND a.granted AND (a.withdrawn_at IS NULL OR a.withdrawn_at::DATE > s.as_of)
),
posted_with_consent AS (
    -- Photos posted while consent was in force, of children without consent
    -- in force now: the consent ended after posting, by its withdrawal or by
    -- a newer answer (a refusal, or a new consent withdrawn in turn).
    SELECT p.*, e.withdrawn_at AS consent_withdrawn_at
    FROM photos p
    JOIN at_posting e ON e.photo_file = p._file AND e.photo_row = p._row AND e.photo_child IS NOT DISTINCT FROM p.portal_child_id AND e.rn = 1
    WHERE e.granted
      AND (e.withdrawn_at IS NULL OR e.withdrawn_at > p.posted_cmp)
      AND p.portal_child_id NOT IN (SELECT portal_child_id FROM given_now)
),
ends AS (
    -- When the consent ended: its own withdrawal, else the first change
    -- recorded after posting.
    SELECT _file, _row, consent_withdrawn_at AS ended_at FROM posted_with_consent
    UNION ALL
    SELECT p._file, p._row, CASE WHEN a.granted THEN a.withdrawn_at ELSE a.recorded_at END
    FROM posted_with_consent p
    JOIN answers a ON a.portal_child_id = p.portal_child_id AND a.recorded_at > p.posted_cmp
),
found AS (
    SELECT p.*, e.withdrawn_at,
           CASE WHEN p.date_only THEN strftime(p.posted_at, '%d-%m-%Y') ELSE strftime(p.posted_at, '%d-%m-%Y %H:%M') END AS posted_nl,
           CASE WHEN p.date_only THEN strftime(p.posted_at, '%Y-%m-%d') ELSE strftime(p.posted_at, '%Y-%m-%d %H:%M') END AS posted_en
    FROM posted_with_consent p
    JOIN (SELECT en._file, en._row, min(en.ended_at) AS withdrawn_at
          FROM ends en, settings s
          WHERE en.ended_at::DATE <= s.as_of
          GROUP BY en._file, en._row) e ON e._file = p._file AND e._row = p._row
)
SELECT
    'portal_photos' AS table_name,
    photo_id || '/' || portal_child_id AS record_key, portal_child_id AS data_subject,
    _file, _row,
    'Toestemming voor foto''s in het ouderportaal ingetrokken op ' || strftime(withdrawn_at, '%d-%m-%Y') ||
        ', maar de foto van ' || posted_nl || ' staat er nog: verwijder de foto of maak het kind onherkenbaar.' AS message_nl,
    'Consent to photos in the parent portal was withdrawn on ' || strftime(withdrawn_at, '%Y-%m-%d') ||
        ', but the photo posted on ' || posted_en || ' is still there: remove it or make the child unrecognisable.' AS message_en,
    c.location, coalesce(c.group_name, f.group_name) AS group_name, posted_at, withdrawn_at, 'not_removed' AS problem
FROM found f
LEFT JOIN portal_child_place() c USING (portal_child_id)
ORDER BY _file, _row
