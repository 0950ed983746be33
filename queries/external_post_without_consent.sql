-- id: external_post_without_consent
-- title.nl: Kind herkenbaar op sociale media of website zonder schriftelijke toestemming
-- title.en: Child recognisable on social media or the website without written consent
-- severity: high
-- area: toestemming
-- source: AVG art. 6 lid 1 sub a en art. 7 lid 1 (aantoonbare toestemming); toestemming is specifiek,
--   dus per kanaal (art. 4 punt 11); voor kinderen onder 16 gegeven door de ouder met ouderlijk gezag
--   (UAVG art. 5); schriftelijk is het eigen beleid van de organisatie (privacystatement: herkenbare
--   kinderen op Facebook alleen met schriftelijke toestemming)
-- requires: social_posts
-- reads: admin_children(child_id), portal_children(portal_child_id, child_id), portal_consents(portal_child_id, consent_type, granted, recorded_at?, withdrawn_at?~), social_posts(post_id, child_id, posted_at?, channel?, written_consent?~, consent_reference?~)
-- impact: 5
-- impact.why.nl: een herkenbaar kind staat zonder schriftelijke toestemming op internet; kopieën
--   verspreiden zich en zijn niet terug te halen
-- impact.why.en: a recognisable child is published on the internet without written consent; copies spread
--   and cannot be recalled
-- population: social_posts(child_id)
-- why.nl: Een herkenbaar kind op Facebook, de website of in de nieuwsbrief mag alleen met schriftelijke,
--   aantoonbare toestemming van de ouders voor publicatie buiten het ouderportaal. Toestemming voor foto's
--   in het ouderportaal is daarvoor niet genoeg. De check aanvaardt schriftelijke toestemming in het
--   register (ja of een verwijzing naar het formulier) of een toestemming voor externe publicatie in het
--   ouderportaal die uiterlijk op de dag van plaatsen was vastgelegd en toen niet was ingetrokken. Vraagt
--   het portaal per kanaal (foto's op de website, foto's op sociale media), dan telt alleen het antwoord
--   voor het kanaal van het bericht: een ja voor de website is geen ja voor Facebook. Een bericht zonder
--   datum wordt beoordeeld op de peildatum.
-- why.en: A recognisable child on Facebook, the website or in the newsletter needs the parents' written,
--   provable consent to publication outside the parent portal. Consent to photos in the parent portal is
--   not enough for that. The check accepts written consent in the register (yes, or a reference to the
--   form) or a consent to external publication in the parent portal that was recorded by the day of
--   posting and not withdrawn by then. Where the portal asks per channel (photos on the website, photos on
--   social media), only the answer for the post's channel counts: a yes for the website is no yes for
--   Facebook. An undated post is judged on the reference date.
-- fix.nl: Verwijder het bericht of maak het kind onherkenbaar, tenzij de ouders wel schriftelijk
--   toestemming gaven: leg die dan vast met een verwijzing naar het getekende formulier.
-- fix.en: Remove the post or make the child unrecognisable, unless the parents did consent in writing:
--   then record that with a reference to the signed form.
-- columns.nl: Kanaal, Geplaatst op, Probleem
-- columns.en: Channel, Posted on, Problem
-- codes:
--   problem:
--     none: geen toestemming vastgelegd | no consent recorded
--     refused: toestemming geweigerd | consent refused
--     withdrawn: toestemming ingetrokken | consent withdrawn
WITH posts AS (
    SELECT p.*, coalesce(p.posted_at, s.as_of) AS judged_on
    FROM social_posts p, (SELECT getvariable('as_of')::DATE AS as_of) s
    WHERE p.child_id IS NOT NULL -- a post without a recognisable child needs no consent
      AND (p.posted_at IS NULL OR p.posted_at <= s.as_of)
      AND NOT coalesce(p.written_consent, false)
      AND trim(coalesce(p.consent_reference, '')) = ''
),
kids AS (
    -- The portal's children with their administration number; a portal
    -- that uses the administration's numbers as its own ids (its consent
    -- export names the child by it) needs no children export to link.
    SELECT portal_child_id, child_id FROM portal_children WHERE child_id IS NOT NULL
    UNION
    SELECT DISTINCT c.portal_child_id, c.portal_child_id FROM portal_consents c
    WHERE c.portal_child_id IN (SELECT child_id FROM admin_children)
      AND c.portal_child_id NOT IN (SELECT portal_child_id FROM portal_children)
),
answers AS (
    -- The portal's answer in force for the post's channel on the day of
    -- posting: photo_external (every channel), or where the portal asks per
    -- channel photo_website for the website and photo_social for social
    -- media; the latest recorded by the end of that day (an undated answer
    -- counts as the earliest; on a tie a refusal wins). A withdrawal that day
    -- counts.
    SELECT p._file AS post_file, p._row AS post_row, p.child_id AS post_child, c.granted, c.withdrawn_at,
           row_number() OVER (PARTITION BY p._file, p._row, p.child_id
                              ORDER BY c.recorded_at DESC NULLS LAST, c.granted ASC, c._row DESC) AS rn
    FROM posts p
    JOIN kids pc ON pc.child_id = p.child_id
    JOIN portal_consents c ON c.portal_child_id = pc.portal_child_id
     AND (c.consent_type = 'photo_external'
          OR (c.consent_type = 'photo_website' AND regexp_matches(lower(coalesce(p.channel, '')), 'website|\bsite\b|\bweb\b'))
          OR (c.consent_type = 'photo_social'
              AND regexp_matches(lower(coalesce(p.channel, '')), 'social|sociale|facebook|instagram|linkedin|tiktok|twitter|\bx\b|youtube|\bfb\b|\big\b|insta')))
     AND (c.recorded_at IS NULL OR c.recorded_at::DATE <= p.judged_on)
),
judged AS (
    SELECT p.*,
           CASE WHEN a.post_row IS NULL THEN 'none'
                WHEN NOT a.granted THEN 'refused'
                WHEN a.withdrawn_at::DATE <= p.judged_on THEN 'withdrawn'
           END AS problem,
           a.withdrawn_at
    FROM posts p
    LEFT JOIN answers a ON a.post_file = p._file AND a.post_row = p._row AND a.post_child IS NOT DISTINCT FROM p.child_id AND a.rn = 1
)
SELECT
    'social_posts' AS table_name,
    post_id || '/' || child_id AS record_key, child_id AS data_subject,
    _file, _row,
    'Kind herkenbaar in een bericht ' || coalesce('via ' || channel || ' ', '') ||
    coalesce('(geplaatst op ' || strftime(posted_at, '%d-%m-%Y') || ') ', '(zonder datum) ') ||
    'zonder schriftelijke toestemming van de ouders' ||
    CASE problem
        WHEN 'refused' THEN ', en in het ouderportaal is de toestemming geweigerd'
        WHEN 'withdrawn' THEN ', en in het ouderportaal is de toestemming ingetrokken op ' || strftime(withdrawn_at, '%d-%m-%Y')
        ELSE ''
    END || ': verwijder het bericht of maak het kind onherkenbaar.' AS message_nl,
    'Child recognisable in a post ' || coalesce('via ' || channel || ' ', '') ||
    coalesce('(posted on ' || strftime(posted_at, '%Y-%m-%d') || ') ', '(undated) ') ||
    'without the parents'' written consent' ||
    CASE problem
        WHEN 'refused' THEN ', and the parent portal records a refusal'
        WHEN 'withdrawn' THEN ', and the consent in the parent portal was withdrawn on ' || strftime(withdrawn_at, '%Y-%m-%d')
        ELSE ''
    END || ': remove the post or make the child unrecognisable.' AS message_en,
    a.location, a.group_name, channel, posted_at, problem
FROM judged
LEFT JOIN child_place() a USING (child_id)
WHERE problem IS NOT NULL
ORDER BY _file, _row
