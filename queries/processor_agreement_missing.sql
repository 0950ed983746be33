-- id: processor_agreement_missing
-- title.nl: Systeem in gebruik zonder geldige verwerkersovereenkomst
-- title.en: System in use without a valid processor agreement
-- severity: high
-- area: verwerkers
-- source: AVG art. 28 lid 3 (verwerkersovereenkomst); privacystatement: met Kidsadmin, Konnect en
--   KIJK! is een verwerkersovereenkomst afgesloten
-- requires: processors
-- why.nl: Een leverancier die persoonsgegevens voor de organisatie verwerkt, is een verwerker. De AVG eist
--   een schriftelijke overeenkomst met elke verwerker (onderwerp, duur, doel, soorten gegevens,
--   beveiliging, subverwerkers, verwijdering). Zonder geldige overeenkomst is niet geregeld wat de
--   leverancier met de gegevens van kinderen en ouders mag doen.
-- why.en: A vendor that processes personal data on the organisation's behalf is a processor. The GDPR
--   requires a written agreement with every processor (subject, duration, purpose, data types,
--   security, sub-processors, deletion). Without a valid agreement nothing limits what the vendor
--   may do with the children's and parents' data.
-- fix.nl: Sluit (of verleng) de verwerkersovereenkomst met de leverancier, leg datum ondertekening en
--   einddatum vast in het verwerkersregister, of stop het gebruik van het systeem.
-- fix.en: Sign (or renew) the processor agreement with the vendor, record the signing and end dates in
--   the processor register, or stop using the system.
-- columns.nl: systeem, leverancier, in gebruik volgens, overeenkomst getekend, overeenkomst tot en met, probleem
-- columns.en: system, vendor, in use according to, agreement signed, agreement until, problem
WITH in_use AS (
    SELECT lower(trim(system)) AS k, trim(system) AS name, 'verwerkersregister' AS via
    FROM processors WHERE in_use
    UNION ALL
    SELECT lower(trim(product)), trim(product), 'export (' || system || ')'
    FROM _systems WHERE system IN ('admin', 'portal', 'tracking')
),
systems AS (
    SELECT k, min(name) AS name, string_agg(DISTINCT via, ', ' ORDER BY via) AS via
    FROM in_use GROUP BY k
),
judged AS (
    SELECT s.name, s.via, p.system, p.vendor, p.agreement_signed_at, p.agreement_expires_at, p._file, p._row,
           CASE
               WHEN p.system IS NULL THEN 'unregistered'
               WHEN p.agreement_signed_at IS NULL THEN 'unsigned'
               WHEN p.agreement_expires_at < getvariable('as_of')::DATE THEN 'expired'
           END AS problem
    FROM systems s
    LEFT JOIN processors p ON lower(trim(p.system)) = s.k
)
SELECT
    'processors' AS table_name,
    coalesce(system, name) AS record_key,
    coalesce(_file, 'manifest.yaml') AS _file,
    coalesce(_row, 0) AS _row,
    CASE problem
        WHEN 'unregistered' THEN name || ' is in gebruik (' || via || ') maar staat niet in het verwerkersregister.'
        WHEN 'unsigned' THEN name || ' is in gebruik maar er is geen getekende verwerkersovereenkomst vastgelegd.'
        WHEN 'expired' THEN 'De verwerkersovereenkomst voor ' || name || ' is verlopen op ' || strftime(agreement_expires_at, '%d-%m-%Y') || '.'
    END AS message_nl,
    CASE problem
        WHEN 'unregistered' THEN name || ' is in use (' || via || ') but missing from the processor register.'
        WHEN 'unsigned' THEN name || ' is in use but no signed processor agreement is recorded.'
        WHEN 'expired' THEN 'The processor agreement for ' || name || ' expired on ' || strftime(agreement_expires_at, '%Y-%m-%d') || '.'
    END AS message_en,
    name AS system, vendor, via AS in_use_via, agreement_signed_at, agreement_expires_at, problem
FROM judged
WHERE problem IS NOT NULL
ORDER BY record_key
