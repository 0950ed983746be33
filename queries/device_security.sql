-- id: device_security
-- title.nl: Apparaat niet versleuteld, zonder code of niet beheerd, of verlies niet als datalek vastgelegd
-- title.en: Device not encrypted, without passcode or unmanaged, or its loss not recorded as a breach
-- severity: medium
-- area: toegang
-- source: AVG art. 32 lid 1 sub a en b (versleuteling, vertrouwelijkheid van systemen); art. 33 lid 5 (elke
--   inbreuk in verband met persoonsgegevens documenteren, ook als die niet gemeld hoeft te worden); art. 34
--   lid 3 sub a (versleutelde gegevens: betrokkenen hoeven niet te worden ingelicht)
-- requires: devices
-- reads: devices(device_id, kind?~, assigned_to?~, encrypted?, passcode?, mdm_enrolled?, in_use?~, lost_at?~, breach_id?~), breaches(breach_id)
-- impact: 3
-- impact.why.nl: een achtergelaten groeps-iPad of laptop geeft de vinder het dagboek, de foto's en
--   de notities van een hele groep als het apparaat niet versleuteld, vergrendeld en op afstand te
--   wissen is
-- impact.why.en: a group iPad or laptop left behind opens the diary, photos and notes of a whole group to the
--   finder when it is not encrypted, locked and wipeable
-- population: devices
-- why.nl: Groeps-iPads en laptops openen het ouderportaal, het kindvolgsysteem en de administratie. Een
--   apparaat dat in gebruik is hoort versleuteld te zijn, met een code te openen en in apparaatbeheer (MDM) te
--   staan, zodat het op afstand vergrendeld en gewist kan worden. Een verloren of gestolen apparaat is een
--   mogelijk datalek: ook als het versleuteld was en niet gemeld hoeft te worden, hoort het in het
--   datalekkenregister met de afweging. Een waarde die de export niet geeft, wordt niet beoordeeld; een
--   verwijzing naar een datalek moet in het datalekkenregister staan als dat is aangeleverd.
-- why.en: Group iPads and laptops open the parent portal, the tracking system and the administration. A device
--   in use should be encrypted, need a passcode and be enrolled in device management (MDM), so it can be locked
--   and wiped remotely. A lost or stolen device is a possible data breach: even when it was encrypted and need
--   not be reported, it belongs in the breach register with the assessment. A value the export does not give
--   is not judged; a breach reference must be in the breach register when that was supplied.
-- fix.nl: Zet versleuteling en een toegangscode aan en meld het apparaat aan in het apparaatbeheer, of neem het
--   uit gebruik. Leg elk verloren apparaat vast in het datalekkenregister (wat stond erop, was het versleuteld,
--   is het gewist, moet het gemeld worden) en vul het nummer in het apparatenoverzicht in.
-- fix.en: Turn on encryption and a passcode and enrol the device in device management, or take it out of use.
--   Record every lost device in the breach register (what was on it, was it encrypted, was it wiped, must it be
--   reported) and enter the number in the device overview.
-- columns.nl: Soort, Gebruikt door, Verloren op, Datalek, Probleem
-- columns.en: Kind, Used by, Lost on, Breach, Problem
-- codes:
--   problem:
--     not_encrypted: apparaat niet versleuteld | device not encrypted
--     no_passcode: apparaat zonder toegangscode | device without passcode
--     not_managed: apparaat niet in apparaatbeheer (MDM) | device not enrolled in device management (MDM)
--     loss_not_recorded: verlies niet in het datalekkenregister | loss not in the breach register
WITH devs AS (
    SELECT d.*, d.lost_at IS NOT NULL AND d.lost_at <= getvariable('as_of')::DATE AS lost
    FROM devices d
),
judged AS (
    SELECT *, 'not_encrypted' AS problem FROM devs WHERE NOT lost AND coalesce(in_use, true) AND encrypted = false
    UNION ALL
    SELECT *, 'no_passcode' AS problem FROM devs WHERE NOT lost AND coalesce(in_use, true) AND passcode = false
    UNION ALL
    SELECT *, 'not_managed' AS problem FROM devs WHERE NOT lost AND coalesce(in_use, true) AND mdm_enrolled = false
    UNION ALL
    SELECT *, 'loss_not_recorded' AS problem FROM devs
    WHERE lost AND (nullif(trim(breach_id), '') IS NULL
        OR (EXISTS (SELECT 1 FROM breaches) AND trim(breach_id) NOT IN (SELECT trim(breach_id) FROM breaches)))
)
SELECT
    'devices' AS table_name, device_id AS record_key, _file, _row,
    CASE problem
        WHEN 'not_encrypted' THEN 'Het apparaat' || coalesce(' (' || kind || ')', '') || ' is in gebruik maar niet versleuteld: zet versleuteling aan of neem het uit gebruik.'
        WHEN 'no_passcode' THEN 'Het apparaat' || coalesce(' (' || kind || ')', '') || ' is in gebruik zonder toegangscode: stel een code in.'
        WHEN 'not_managed' THEN 'Het apparaat' || coalesce(' (' || kind || ')', '') || ' staat niet in het apparaatbeheer (MDM) en kan bij verlies niet op afstand worden gewist: meld het aan.'
        ELSE 'Het apparaat' || coalesce(' (' || kind || ')', '') || ' is op ' || strftime(lost_at, '%d-%m-%Y') || ' kwijtgeraakt, maar '
            || CASE WHEN nullif(trim(breach_id), '') IS NULL THEN 'staat niet als (mogelijk) datalek in het datalekkenregister'
                    ELSE 'het datalek ' || trim(breach_id) || ' staat niet in het datalekkenregister' END
            || ': leg het verlies en de afweging vast.'
    END AS message_nl,
    CASE problem
        WHEN 'not_encrypted' THEN 'The device' || coalesce(' (' || kind || ')', '') || ' is in use but not encrypted: turn on encryption or take it out of use.'
        WHEN 'no_passcode' THEN 'The device' || coalesce(' (' || kind || ')', '') || ' is in use without a passcode: set one.'
        WHEN 'not_managed' THEN 'The device' || coalesce(' (' || kind || ')', '') || ' is not enrolled in device management (MDM) and cannot be wiped remotely when lost: enrol it.'
        ELSE 'The device' || coalesce(' (' || kind || ')', '') || ' was lost on ' || strftime(lost_at, '%Y-%m-%d') || ', but '
            || CASE WHEN nullif(trim(breach_id), '') IS NULL THEN 'it is not in the breach register as a (possible) breach'
                    ELSE 'breach ' || trim(breach_id) || ' is not in the breach register' END
            || ': record the loss and the assessment.'
    END AS message_en,
    kind, assigned_to, lost_at, breach_id, problem
FROM judged
ORDER BY _file, _row, problem
