-- id: processor_agreement_missing
-- title.nl: Systeem in gebruik zonder geldige verwerkersovereenkomst
-- title.en: System in use without a valid processor agreement
-- severity: high
-- area: verwerkers
-- source: AVG art. 28 lid 3 (verwerkersovereenkomst); privacystatement: met Kidsadmin, Konnect en
--   KIJK! is een verwerkersovereenkomst afgesloten
-- requires: processors
-- reads: processors(system, vendor?, agreement_signed_at|agreement_present~, agreement_expires_at?~, in_use?)
-- impact: 4
-- impact.why.nl: een leverancier heeft gegevens van kinderen en ouders zonder contractuele plichten
--   voor beveiliging, datalekken en verwijdering
-- impact.why.en: a vendor holds children's and parents' data without contractual duties on security,
--   breaches and deletion
-- population: processors
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
-- columns.nl: Systeem, Leverancier, In gebruik volgens, Overeenkomst getekend, Overeenkomst tot en met, Probleem
-- columns.en: System, Vendor, In use according to, Agreement signed, Agreement until, Problem
-- codes:
--   problem:
--     unregistered: niet in het verwerkersregister | not in the processor register
--     unsigned: geen getekende verwerkersovereenkomst | no signed processor agreement
--     not_yet_signed: verwerkersovereenkomst getekend na de peildatum | processor agreement signed after the reference date
--     expired: verwerkersovereenkomst verlopen | processor agreement expired
--   in_use_via:
--     verwerkersregister: verwerkersregister | processor register
--     export (admin): export van de administratie | administration export
--     export (portal): export van het ouderportaal | parent portal export
--     export (tracking): export van het kindvolgsysteem | child-tracking system export
WITH in_use AS (
    -- A register without an "in use" column lists the systems in use.
    SELECT lower(trim(system)) AS k, trim(system) AS name, 'verwerkersregister' AS via
    FROM processors
    WHERE in_use OR (in_use IS NULL AND _file NOT IN (
        SELECT file FROM _columns WHERE table_name = 'processors' AND column_name = 'in_use'))
    UNION ALL
    SELECT lower(trim(product)), trim(product), 'export (' || system || ')'
    FROM _systems WHERE system IN ('admin', 'portal', 'tracking')
),
systems AS (
    SELECT k, min(name) AS name, string_agg(DISTINCT via, ', ' ORDER BY via) AS via
    FROM in_use GROUP BY k
),
entries AS (
    -- Every register row of a system in use; a system may have several (an
    -- old and a renewed agreement). One valid at the reference date is enough.
    -- A register that records no signing date may say yes/no instead; a
    -- "no" there means no agreement, whatever date stands next to it.
    SELECT lower(trim(p.system)) AS k, p.*,
           coalesce(p.agreement_signed_at <= getvariable('as_of')::DATE,
                    p.agreement_signed_at IS NULL AND p.agreement_present, false)
             AND coalesce(p.agreement_present, true)
             AND (p.agreement_expires_at IS NULL OR p.agreement_expires_at >= getvariable('as_of')::DATE) AS valid
    FROM processors p
),
best AS (
    -- The row to point the user to: a valid one, else the most recent agreement.
    SELECT *, row_number() OVER (PARTITION BY k
                 ORDER BY coalesce(valid, false) DESC, coalesce(in_use, false) DESC,
                          agreement_expires_at DESC NULLS FIRST, agreement_signed_at DESC NULLS LAST, _file, _row) AS rn
    FROM entries
),
judged AS (
    SELECT s.name, s.via, b.system, b.vendor, b.agreement_signed_at, b.agreement_expires_at, b._file, b._row,
           CASE
               WHEN b.k IS NULL THEN 'unregistered'
               WHEN b.valid THEN NULL
               WHEN b.agreement_signed_at IS NULL OR NOT coalesce(b.agreement_present, true) THEN 'unsigned'
               WHEN b.agreement_signed_at > getvariable('as_of')::DATE THEN 'not_yet_signed'
               ELSE 'expired'
           END AS problem
    FROM systems s
    LEFT JOIN best b ON b.k = s.k AND b.rn = 1
)
SELECT
    'processors' AS table_name,
    coalesce(system, name) AS record_key,
    coalesce(_file, 'manifest.yaml') AS _file,
    coalesce(_row, 0) AS _row,
    CASE problem
        -- Only a system the exports come from can be in use yet unregistered.
        WHEN 'unregistered' THEN name || ' is in gebruik (de exports van deze audit komen eruit) maar staat niet in het verwerkersregister; neem het op met de verwerkersovereenkomst.'
        WHEN 'unsigned' THEN name || ' is in gebruik maar er is geen getekende verwerkersovereenkomst vastgelegd; sluit er een af en leg de datum van ondertekening vast.'
        WHEN 'not_yet_signed' THEN name || ' is in gebruik maar de verwerkersovereenkomst is pas getekend op ' || strftime(agreement_signed_at, '%d-%m-%Y') || ', na de peildatum: op de peildatum was er dus geen geldige overeenkomst; controleer de datum of leg de eerdere overeenkomst vast.'
        WHEN 'expired' THEN 'De verwerkersovereenkomst voor ' || name || ' gold tot en met ' || strftime(agreement_expires_at, '%d-%m-%Y') || ' en is verlopen; verleng de overeenkomst of stop het gebruik van het systeem.'
    END AS message_nl,
    CASE problem
        WHEN 'unregistered' THEN name || ' is in use (this audit''s exports come from it) but missing from the processor register; add it with its processor agreement.'
        WHEN 'unsigned' THEN name || ' is in use but no signed processor agreement is recorded; conclude one and record the signing date.'
        WHEN 'not_yet_signed' THEN name || ' is in use but its processor agreement was only signed on ' || strftime(agreement_signed_at, '%Y-%m-%d') || ', after the reference date, so there was no valid agreement on that date; check the date or record the earlier agreement.'
        WHEN 'expired' THEN 'The processor agreement for ' || name || ' ran until ' || strftime(agreement_expires_at, '%Y-%m-%d') || ' and has expired; renew it or stop using the system.'
    END AS message_en,
    name AS system, vendor, via AS in_use_via, agreement_signed_at, agreement_expires_at, problem
FROM judged
WHERE problem IS NOT NULL
ORDER BY record_key
