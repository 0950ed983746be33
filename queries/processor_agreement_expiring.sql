-- id: processor_agreement_expiring
-- title.nl: Verwerkersovereenkomst verloopt binnenkort
-- title.en: Processor agreement expires soon
-- severity: medium
-- area: verwerkers
-- source: AVG art. 28 lid 3 (verwerkersovereenkomst voor de duur van de verwerking); beleid:
--   processors.expiry_warning_days dagen vooraf melden
-- requires: processors
-- reads: processors(system, vendor?, agreement_signed_at, agreement_expires_at, in_use?)
-- impact: 2
-- impact.why.nl: de overeenkomst is nog geldig; schade ontstaat pas als ze afloopt
-- impact.why.en: the agreement is still valid; the harm comes only if it lapses
-- population: processors
-- why.nl: Zolang een systeem in gebruik is, moet er een geldige verwerkersovereenkomst met de leverancier
--   zijn. Loopt de overeenkomst binnenkort af zonder dat een verlenging is vastgelegd, dan verwerkt de
--   leverancier straks gegevens van kinderen en ouders zonder afspraken. Onderhandelen kost tijd: deze
--   controle waarschuwt vooraf; een al verlopen overeenkomst meldt processor_agreement_missing.
-- why.en: As long as a system is in use there must be a valid processor agreement with the vendor. If the
--   agreement ends soon and no signed renewal is recorded, the vendor will soon process the children's and
--   parents' data without terms. Negotiating takes time: this check warns in advance; an agreement that
--   has already expired is reported by processor_agreement_missing.
-- fix.nl: Verleng de verwerkersovereenkomst vóór de einddatum (of stop tijdig met het systeem) en leg de
--   nieuwe overeenkomst met datum ondertekening en einddatum vast in het verwerkersregister.
-- fix.en: Renew the processor agreement before its end date (or stop using the system in time) and record
--   the new agreement with its signing and end dates in the processor register.
-- columns.nl: Systeem, Leverancier, Overeenkomst getekend, Overeenkomst tot en met, Dagen resterend
-- columns.en: System, Vendor, Agreement signed, Agreement until, Days left
WITH settings AS (
    SELECT getvariable('as_of')::DATE AS as_of,
           getvariable('as_of')::DATE + getvariable('processors.expiry_warning_days')::INTEGER AS warn_until
),
in_use AS (
    -- In use according to the register, or because exports come from it
    -- (as processor_agreement_missing decides).
    SELECT lower(trim(system)) AS k FROM processors
    -- A register without an "in use" column lists the systems in use.
    WHERE in_use OR (in_use IS NULL AND _file NOT IN (SELECT file FROM _columns WHERE table_name = 'processors' AND column_name = 'in_use'))
    UNION
    SELECT lower(trim(product)) FROM _systems WHERE system IN ('admin', 'portal', 'tracking')
),
valid AS (
    -- Agreements valid at the reference date; a system may have several (an
    -- old one and its renewal). The one running longest counts: open-ended
    -- (no end date) runs longest.
    SELECT p.*, row_number() OVER (PARTITION BY lower(trim(p.system))
                   ORDER BY p.agreement_expires_at DESC NULLS FIRST, p._file, p._row) AS rn
    FROM processors p, settings s
    WHERE lower(trim(p.system)) IN (SELECT k FROM in_use)
      AND p.agreement_signed_at <= s.as_of
      AND (p.agreement_expires_at IS NULL OR p.agreement_expires_at >= s.as_of)
)
SELECT
    'processors' AS table_name,
    v.system AS record_key,
    v._file, v._row,
    'De verwerkersovereenkomst voor ' || v.system || ' loopt af op ' || strftime(v.agreement_expires_at, '%d-%m-%Y')
        || CASE v.agreement_expires_at - s.as_of WHEN 0 THEN ' (de peildatum)' WHEN 1 THEN ' (over 1 dag)'
                ELSE ' (over ' || (v.agreement_expires_at - s.as_of) || ' dagen)' END
        || ' en er is geen getekende verlenging vastgelegd; verleng de overeenkomst op tijd.' AS message_nl,
    'The processor agreement for ' || v.system || ' ends on ' || strftime(v.agreement_expires_at, '%Y-%m-%d')
        || CASE v.agreement_expires_at - s.as_of WHEN 0 THEN ' (the reference date)' WHEN 1 THEN ' (in 1 day)'
                ELSE ' (in ' || (v.agreement_expires_at - s.as_of) || ' days)' END
        || ' and no signed renewal is recorded; renew it in time.' AS message_en,
    v.system, v.vendor, v.agreement_signed_at, v.agreement_expires_at,
    (v.agreement_expires_at - s.as_of) AS days_left
FROM valid v, settings s
WHERE v.rn = 1 AND v.agreement_expires_at <= s.warn_until
ORDER BY v._file, v._row
