-- id: camera_register
-- title.nl: Camera of webcam: beelden te lang bewaard, live beeld, geen DPIA of geen instemming van de OR
-- title.en: Camera or webcam: images kept too long, live view, no DPIA or no works council consent
-- severity: high
-- area: verwerkingsregister
-- source: AVG art. 5 lid 1 sub e (opslagbeperking; Autoriteit Persoonsgegevens over cameratoezicht: beelden in
--   principe maximaal 4 weken bewaren, tenzij er een incident is vastgelegd); AVG art. 35 lid 1
--   en de AP-lijst van verwerkingen waarvoor een DPIA verplicht is (cameratoezicht, monitoring van
--   werknemers); AVG art. 6 lid 1 en art. 5 lid 1 sub c (een live beeld van kinderen en medewerkers heeft een
--   eigen grondslag nodig en moet evenredig zijn); AVG art. 13 (informeren, bijvoorbeeld met bordjes); Wet op
--   de ondernemingsraden art. 27 lid 1 sub l (instemmingsrecht van de ondernemingsraad bij voorzieningen voor
--   waarneming van of controle op aanwezigheid, gedrag of prestaties van werknemers); beleid:
--   camera.retention_days
-- requires: cameras
-- reads: cameras(camera_id, location?~, kind?~, retention_days?~, dpia_reference?~, works_council_consent?~, in_use?~)
-- impact: 4
-- impact.why.nl: camera's en webcams filmen kinderen en medewerkers de hele dag; te lang bewaard of
--   zonder beoordeling kijken ze veel verder mee dan het doel
-- impact.why.en: cameras and webcams record children and staff all day; kept too long or without assessment they
--   watch people far beyond the purpose
-- population: cameras
-- why.nl: Camera's en webcams in een kinderopvang filmen kinderen, ouders en medewerkers. De beelden mogen niet
--   langer bewaard worden dan het doel vraagt: de AP houdt in principe maximaal 4 weken aan
--   (camera.retention_days), langer alleen voor beelden van een vastgelegd incident. Een live webcam zonder
--   opname (0 dagen) bewaart niets, maar toont kinderen en medewerkers doorlopend: leg de grondslag vast
--   (toestemming van de ouders van alle kinderen in beeld) en waarom het doorlopend in beeld zijn van
--   medewerkers evenredig is; elke live camera wordt daarom gemeld. Stelselmatig filmen van werknemers en
--   kinderen vraagt waarschijnlijk een DPIA: beoordeel en leg die vast. Omdat camera's het gedrag van
--   medewerkers kunnen vastleggen, heeft de ondernemingsraad instemmingsrecht; "n.v.t." in het register betekent
--   dat de organisatie geen OR heeft (een personeelsvertegenwoordiging heeft dit instemmingsrecht niet: vraag
--   haar advies). Het register heeft geen kolom voor bordjes of andere informatie aan wie in beeld komt (AVG
--   art. 13): controleer die ter plekke. Alleen camera's in gebruik tellen.
-- why.en: Cameras and webcams at a childcare centre film children, parents and staff. Images may not be kept
--   longer than the purpose needs: the Dutch DPA holds to 4 weeks at most as a rule (camera.retention_days),
--   longer only for images of a recorded incident. A live webcam without recording (0 days) keeps nothing but
--   shows children and staff continuously: record its basis (consent of the parents of all children in view)
--   and why continuously viewing staff is proportionate; every live camera is therefore reported. Systematic
--   filming of employees and children probably requires a DPIA: assess and record it. Because cameras can
--   record the behaviour of staff, the works council has a right of consent; "n.v.t." in the register means the
--   organisation has no works council (a staff representation (PVT) has no such right of consent: ask its
--   advice). The register has no column for signs or other information to the people in view (AVG art. 13):
--   check them on site. Only cameras in use count.
-- fix.nl: Stel de bewaartermijn in op ten hoogste 4 weken (automatisch overschrijven), voer de DPIA uit of leg
--   vast waarom die niet nodig is, leg voor een live beeld de toestemming van de ouders en de afweging voor
--   medewerkers vast, en vraag de ondernemingsraad om instemming met de regeling cameratoezicht.
-- fix.en: Set the retention to at most 4 weeks (overwritten automatically), carry out the DPIA or record why
--   none is needed, record for a live view the parents' consent and the weighing for staff, and ask the works
--   council to consent to the camera surveillance arrangement.
-- columns.nl: Plaats, Soort, Bewaartermijn (dagen), DPIA, Instemming OR, Probleem
-- columns.en: Place, Kind, Retention (days), DPIA, Works council consent, Problem
-- codes:
--   problem:
--     retention_too_long: beelden langer bewaard dan de termijn | images kept longer than the period
--     retention_unknown: bewaartermijn niet vastgelegd | retention period not recorded
--     no_dpia: geen DPIA vastgelegd | no DPIA recorded
--     live_view: live beeld zonder vastgelegde grondslag en afweging | live view without a recorded basis and weighing
--     no_works_council_consent: geen instemming van de OR | no consent of the works council
WITH cams AS (
    SELECT c.*, regexp_replace(lower(trim(coalesce(c.works_council_consent, ''))), '[.\s]', '', 'g') AS wc,
           -- 28.00 shown as 28
           regexp_replace(CAST(c.retention_days AS VARCHAR), '\.?0+$', '') AS days
    FROM cameras c
    WHERE coalesce(c.in_use, true)
),
judged AS (
    SELECT *, 'retention_too_long' AS problem FROM cams WHERE retention_days > getvariable('camera.retention_days')::INTEGER
    UNION ALL
    SELECT *, 'retention_unknown' FROM cams WHERE retention_days IS NULL
    UNION ALL
    -- a live view keeps nothing but still needs its own basis (the parents' consent) and weighing for staff
    SELECT *, 'live_view' FROM cams WHERE retention_days = 0
    UNION ALL
    SELECT *, 'no_dpia' FROM cams
    WHERE nullif(trim(dpia_reference), '') IS NULL OR lower(trim(dpia_reference)) IN ('nee', 'no', 'geen', 'none', '-')
    UNION ALL
    SELECT *, 'no_works_council_consent' FROM cams WHERE wc IN ('', 'nee', 'no', 'geen', 'none', '-', 'nietgevraagd', 'aangevraagd', 'gevraagd')
)
SELECT
    'cameras' AS table_name, camera_id AS record_key, _file, _row,
    CASE problem
        WHEN 'retention_too_long' THEN 'De beelden van deze camera' || coalesce(' (' || kind || ')', '') || ' worden ' || days
            || ' dagen bewaard, langer dan ' || getvariable('camera.retention_days') || ' dagen: verkort de bewaartermijn.'
        WHEN 'retention_unknown' THEN 'Van deze camera' || coalesce(' (' || kind || ')', '') || ' is niet vastgelegd hoe lang de beelden bewaard worden: stel de termijn vast (ten hoogste 4 weken).'
        WHEN 'live_view' THEN 'Deze camera' || coalesce(' (' || kind || ')', '') || ' toont een live beeld van kinderen en medewerkers: leg de grondslag vast (toestemming van de ouders van alle kinderen in beeld) en waarom het doorlopend in beeld zijn van medewerkers evenredig is.'
        WHEN 'no_dpia' THEN 'Voor deze camera' || coalesce(' (' || kind || ')', '') || ' is geen DPIA vastgelegd; die is waarschijnlijk verplicht: beoordeel en leg vast.'
        ELSE 'Voor deze camera' || coalesce(' (' || kind || ')', '') || ' is geen instemming van de ondernemingsraad vastgelegd: vraag die (WOR art. 27 lid 1 sub l), of vul n.v.t. in als er geen OR is.'
    END AS message_nl,
    CASE problem
        WHEN 'retention_too_long' THEN 'The images of this camera' || coalesce(' (' || kind || ')', '') || ' are kept ' || days
            || ' days, longer than ' || getvariable('camera.retention_days') || ' days: shorten the retention.'
        WHEN 'retention_unknown' THEN 'For this camera' || coalesce(' (' || kind || ')', '') || ' it is not recorded how long the images are kept: set the period (4 weeks at most).'
        WHEN 'live_view' THEN 'This camera' || coalesce(' (' || kind || ')', '') || ' shows a live view of children and staff: record its basis (consent of the parents of all children in view) and why continuously viewing staff is proportionate.'
        WHEN 'no_dpia' THEN 'No DPIA is recorded for this camera' || coalesce(' (' || kind || ')', '') || '; one is probably required: assess and record it.'
        ELSE 'No consent of the works council is recorded for this camera' || coalesce(' (' || kind || ')', '') || ': ask for it (WOR art. 27(1)(l)), or enter n.v.t. when there is no works council.'
    END AS message_en,
    location AS place, kind, days AS retention_days, dpia_reference, works_council_consent, problem
FROM judged
ORDER BY _file, _row, problem
