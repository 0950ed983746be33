-- id: transfer_without_consent
-- title.nl: Overdracht naar de basisschool zonder toestemming van de ouders
-- title.en: Transfer to the primary school without the parents' consent
-- severity: high
-- area: overdracht
-- source: AVG art. 6 lid 1 sub a en art. 7 lid 1 (toestemming aantoonbaar); privacystatement: overdracht
--   van kindgegevens naar de basisschool alleen na schriftelijke toestemming van de ouders
-- requires: tracking_transfers
-- reads: tracking_transfers(tracking_child_id, school?, sent_at, consent_signed_at~)
-- impact: 4
-- impact.why: development data about the child reached a school without the parents' consent and cannot
--   be recalled
-- population: tracking_transfers(tracking_child_id)
-- why.nl: Gegevens uit het kindvolgsysteem gaan alleen naar de basisschool als de ouders daar vooraf
--   schriftelijk toestemming voor hebben gegeven. Een overdracht zonder getekende toestemming, of met
--   een toestemming die pas na het versturen is getekend, is een verstrekking zonder grondslag. Een
--   toestemming getekend op de dag van verzending is op tijd; een geplande verzending na de peildatum
--   telt nog niet.
-- why.en: Child-tracking data goes to the primary school only when the parents consented in writing
--   beforehand. A transfer without a signed consent, or with a consent signed only after sending, is
--   a disclosure without a legal basis. A consent signed on the day of sending is in time; a sending
--   planned after the reference date does not count yet.
-- fix.nl: Zoek de getekende toestemming op en leg de datum vast in het kindvolgsysteem. Is er geen
--   toestemming, vraag de school de gegevens te verwijderen, beoordeel of het een datalek is en stuur
--   voortaan pas na ondertekening.
-- fix.en: Find the signed consent and record its date in the child-tracking system. If there is none,
--   ask the school to delete the data, assess whether it is a data breach, and send only after signing
--   from now on.
-- columns.nl: School, Verstuurd op, Toestemming getekend op, Probleem
-- columns.en: School, Sent on, Consent signed on, Problem
WITH judged AS (
    SELECT t.*,
           CASE WHEN t.consent_signed_at IS NULL THEN 'no_consent'
                WHEN t.consent_signed_at > t.sent_at THEN 'consent_after_sending'
           END AS problem
    FROM tracking_transfers t
    WHERE t.sent_at IS NOT NULL AND t.sent_at <= getvariable('as_of')::DATE
)
SELECT
    'tracking_transfers' AS table_name,
    tracking_child_id || '/' || strftime(sent_at, '%Y-%m-%d') AS record_key, tracking_child_id AS subject,
    _file, _row,
    'Overdracht ' || coalesce('aan ' || school || ' ', '') || 'verstuurd op ' || strftime(sent_at, '%d-%m-%Y') ||
    CASE problem
        WHEN 'no_consent' THEN ' zonder getekende toestemming van de ouders'
        ELSE ' terwijl de ouders pas op ' || strftime(consent_signed_at, '%d-%m-%Y') || ' tekenden'
    END || ': zoek de toestemming op of vraag de school de gegevens te verwijderen.' AS message_nl,
    'Transfer ' || coalesce('to ' || school || ' ', '') || 'sent on ' || strftime(sent_at, '%Y-%m-%d') ||
    CASE problem
        WHEN 'no_consent' THEN ' without the parents'' signed consent'
        ELSE ' while the parents signed only on ' || strftime(consent_signed_at, '%Y-%m-%d')
    END || ': find the consent or ask the school to delete the data.' AS message_en,
    p.location, p.group_name, school, sent_at, consent_signed_at, problem
FROM judged
LEFT JOIN tracking_child_place() p USING (tracking_child_id)
WHERE problem IS NOT NULL
ORDER BY _file, _row
