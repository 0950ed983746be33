-- id: external_post_after_care
-- title.nl: Kind op sociale media of website geplaatst na het einde van de opvang
-- title.en: Child posted on social media or the website after care ended
-- severity: high
-- area: toestemming
-- source: AVG art. 5 lid 1 sub b en e, art. 6 lid 1; Klachtenloket Kinderopvang 2019: foto's van een
--   vertrokken kind niet meer gebruiken in publicaties
-- requires: social_posts, admin_children
-- reads: admin_children(child_id, care_end), social_posts(post_id, child_id, posted_at, channel?)
-- impact: 4
-- impact.why.nl: een herkenbaar kind blijft openbaar nadat de reden van de organisatie om het te
--   tonen is vervallen; publicatie is moeilijk terug te draaien
-- impact.why.en: a recognisable child stays public after the organisation's reason to show it ended;
--   publication is hard to undo
-- population: social_posts(child_id)
-- why.nl: Foto's van een kind dat de opvang heeft verlaten, mogen niet meer worden gebruikt in
--   publicaties zoals Facebook, de website of de nieuwsbrief (Klachtenloket Kinderopvang, 2019): het doel
--   waarvoor de ouders toestemming gaven, is voorbij. De check meldt berichten die na de laatste dag
--   van de opvang volgens de administratie zijn geplaatst (bij meerdere locaties: pas als de opvang
--   overal is beëindigd). Berichten zonder datum of van kinderen die de administratie niet kent, worden
--   niet beoordeeld.
-- why.en: Photos of a child who has left may no longer be used in publications such as Facebook, the
--   website or the newsletter (Klachtenloket Kinderopvang, 2019): the purpose the parents consented to is
--   over. The check reports posts made after the last day of care according to the administration
--   (with several locations: only once care has ended everywhere). Undated posts and children the
--   administration does not know are not judged.
-- fix.nl: Verwijder het bericht of maak het kind onherkenbaar, en spreek af dat foto's van vertrokken
--   kinderen niet meer worden gebruikt.
-- fix.en: Remove the post or make the child unrecognisable, and agree that photos of children who left
--   are no longer used.
-- columns.nl: Kanaal, Geplaatst op, Einde opvang
-- columns.en: Channel, Posted on, End of care
WITH admin_end AS (
    -- care ended everywhere, on the last end date (see docs/checks.md)
    SELECT * FROM admin_care_end()
),
found AS (
    SELECT p.*, a.care_end
    FROM social_posts p
    JOIN admin_end a ON a.child_id = p.child_id
    WHERE p.posted_at > a.care_end AND p.posted_at <= getvariable('as_of')::DATE
)
SELECT
    'social_posts' AS table_name,
    post_id || '/' || child_id AS record_key, child_id AS data_subject,
    _file, _row,
    'Bericht ' || coalesce('via ' || channel || ' ', '') || 'van ' || strftime(posted_at, '%d-%m-%Y') ||
        ' toont het kind, maar de opvang eindigde al op ' || strftime(care_end, '%d-%m-%Y') ||
        ': verwijder het bericht of maak het kind onherkenbaar.' AS message_nl,
    'Post ' || coalesce('via ' || channel || ' ', '') || 'of ' || strftime(posted_at, '%Y-%m-%d') ||
        ' shows the child, but care had already ended on ' || strftime(care_end, '%Y-%m-%d') ||
        ': remove the post or make the child unrecognisable.' AS message_en,
    a.location, a.group_name, channel, posted_at, care_end
FROM found
LEFT JOIN child_place() a USING (child_id)
ORDER BY _file, _row
