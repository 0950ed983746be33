-- id: transfer_without_consent
-- title.nl: Ontwikkelgegevens naar de basisschool zonder toestemming van de ouders
-- title.en: Development data sent to the primary school without the parents' consent
-- severity: high
-- area: overdracht
-- source: AVG art. 6 lid 1 sub a en art. 7 lid 1 (toestemming, aantoonbaar); dat die schriftelijk is, is
--   het eigen beleid van de organisatie (privacystatement: overdracht naar de basisschool alleen na
--   schriftelijke toestemming); het VVE-programma en de duur doorgeven is een wettelijke plicht bij
--   voorschoolse educatie en vraagt geen toestemming
-- requires: tracking_transfers
-- reads: tracking_transfers(tracking_child_id, school?, sent_at, consent_signed_at|consent_given~, contents?~)
-- impact: 4
-- impact.why.nl: ontwikkelingsgegevens over het kind zijn zonder toestemming van de ouders bij een
--   school terechtgekomen en zijn niet terug te halen
-- impact.why.en: development data about the child reached a school without the parents' consent and cannot
--   be recalled
-- population: tracking_transfers(tracking_child_id)
-- why.nl: Ontwikkelgegevens uit het kindvolgsysteem (het overdrachtsformulier, observaties) gaan alleen
--   naar de basisschool als de ouders daar vooraf toestemming voor hebben gegeven. De AVG vraagt dat die
--   toestemming aantoonbaar is; dat ze schriftelijk is, is het eigen beleid van de organisatie. Voor een
--   VVE-kind is het doorgeven van het VVE-programma en de duur een wettelijke plicht: daarvoor is geen
--   toestemming nodig, dus een overdracht van alleen die gegevens telt niet mee (de kolom met de inhoud
--   van de overdracht zegt dat; zonder die kolom gaat de check uit van ontwikkelgegevens). Een
--   overdracht zonder vastgelegde toestemming, of met een toestemming die pas na het versturen is
--   vastgelegd, is een verstrekking zonder grondslag. Een toestemming van de dag van verzending is op
--   tijd; een geplande verzending na de peildatum telt nog niet.
-- why.en: Development data from the child-tracking system (the transfer form, observations) goes to the
--   primary school only when the parents consented beforehand. The AVG asks that consent be demonstrable;
--   that it is in writing is the organisation's own policy. For a VVE child, passing on the VVE programme
--   and its duration is a legal duty: it needs no consent, so a transfer of only that data does not count
--   (the column with the transfer's contents says so; without that column the check assumes development
--   data). A transfer without a recorded consent, or with a consent recorded only after sending, is a
--   disclosure without a legal basis. A consent of the day of sending is in time; a sending planned after
--   the reference date does not count yet.
-- fix.nl: Zoek de toestemming op en leg de datum vast in het kindvolgsysteem. Is er geen toestemming, vraag
--   de school de ontwikkelgegevens te verwijderen, beoordeel of het een datalek is en stuur ze voortaan
--   pas na de toestemming.
-- fix.en: Find the consent and record its date in the child-tracking system. If there is none, ask the
--   school to delete the development data, assess whether it is a data breach, and send it only after
--   consent from now on.
-- columns.nl: School, Verstuurd op, Toestemming vastgelegd op, Probleem
-- columns.en: School, Sent on, Consent recorded on, Problem
-- codes:
--   problem:
--     no_consent: geen getekende toestemming | no signed consent
--     consent_after_sending: toestemming pas na versturen getekend | consent signed only after sending
WITH judged AS (
    SELECT t.*,
           -- The consent's date, or, where the export records none, its
           -- yes/no; a "no" there is no consent, whatever date stands next to it.
           CASE WHEN NOT coalesce(t.consent_given, true) THEN 'no_consent'
                WHEN t.consent_signed_at IS NULL AND NOT coalesce(t.consent_given, false) THEN 'no_consent'
                WHEN t.consent_signed_at > t.sent_at THEN 'consent_after_sending'
           END AS problem
    FROM tracking_transfers t
    WHERE t.sent_at IS NOT NULL AND t.sent_at <= getvariable('as_of')::DATE
      -- Only the VVE programme and duration: a legal duty, no consent needed.
      AND NOT (regexp_matches(lower(coalesce(t.contents, '')), 'vve|programma|programme|duur|duration')
               AND NOT regexp_matches(lower(coalesce(t.contents, '')), 'observ|ontwikkel|develop|formulier|form|verslag|rapport|report|kijk'))
)
SELECT
    'tracking_transfers' AS table_name,
    tracking_child_id || '/' || strftime(sent_at, '%Y-%m-%d') AS record_key, tracking_child_id AS data_subject,
    _file, _row,
    'Ontwikkelgegevens ' || coalesce('aan ' || school || ' ', '') || 'verstuurd op ' || strftime(sent_at, '%d-%m-%Y') ||
    CASE problem
        WHEN 'no_consent' THEN ' zonder vastgelegde toestemming van de ouders'
        ELSE ' terwijl de toestemming van de ouders pas op ' || strftime(consent_signed_at, '%d-%m-%Y') || ' is vastgelegd'
    END || ': zoek de toestemming op of vraag de school de gegevens te verwijderen.' AS message_nl,
    'Development data sent ' || coalesce('to ' || school || ' ', '') || 'on ' || strftime(sent_at, '%Y-%m-%d') ||
    CASE problem
        WHEN 'no_consent' THEN ' without a recorded consent of the parents'
        ELSE ' while the parents'' consent was recorded only on ' || strftime(consent_signed_at, '%Y-%m-%d')
    END || ': find the consent or ask the school to delete the data.' AS message_en,
    p.location, p.group_name, school, sent_at, consent_signed_at, problem
FROM judged
LEFT JOIN tracking_child_place() p USING (tracking_child_id)
WHERE problem IS NOT NULL
ORDER BY _file, _row
