-- id: processor_safeguards
-- title.nl: Verwerker: gegevens buiten de EER zonder waarborg, locatie of subverwerkers onbekend of overeenkomst van vóór de AVG
-- title.en: Processor: data outside the EEA without safeguard, location or sub-processors unknown or agreement from before the GDPR
-- severity: high
-- area: verwerkers
-- source: AVG art. 44-46 (doorgifte buiten de EER alleen met een adequaatheidsbesluit, art. 45, of passende
--   waarborgen zoals standaardcontractbepalingen, art. 46 lid 2 sub c); art. 28 lid 2 en 4 (subverwerkers
--   alleen met toestemming van de verwerkingsverantwoordelijke, met dezelfde verplichtingen); art. 28 lid 3 en
--   art. 99 lid 2 met overweging 171 (de AVG geldt vanaf 25 mei 2018; lopende verwerkingen moesten daarmee in
--   overeenstemming worden gebracht)
-- requires: processors
-- reads: processors(system, vendor?~, in_use?, sub_processors?~, data_location?, transfer_mechanism?~, agreement_signed_at?~, agreement_expires_at?~, agreement_updated_at?~)
-- impact: 3
-- impact.why.nl: gegevens van kinderen en ouders die zonder waarborg in het buitenland staan, bij
--   onbekende partijen of onder een overeenkomst zonder de garanties van de AVG, liggen buiten de
--   macht van de organisatie
-- impact.why.en: children's and parents' data held abroad without a safeguard, by unknown parties or under an
--   agreement that lacks the AVG's guarantees, is beyond the organisation's control
-- population: processors
-- why.nl: Een verwerker die gegevens (zelf of via een subverwerker) buiten de Europese Economische Ruimte opslaat
--   of laat inzien, mag dat alleen naar een land met een adequaatheidsbesluit van de Europese Commissie of met
--   passende waarborgen, zoals standaardcontractbepalingen; voor de Verenigde Staten geldt het
--   adequaatheidsbesluit alleen voor bedrijven die onder het EU-US Data Privacy Framework gecertificeerd zijn,
--   dus moet de waarborg zijn vastgelegd. De organisatie moet weten welke subverwerkers haar verwerker
--   inschakelt. Een verwerkersovereenkomst van vóór 25 mei 2018 is onder de Wbp gesloten en mist vaak wat art.
--   28 lid 3 vraagt (instructies, subverwerkers, bijstand bij rechten en datalekken, audits): zonder vastgelegde
--   aanpassing (AVG-addendum) is dat een bevinding. Alleen systemen in gebruik tellen; een verlopen of
--   ontbrekende overeenkomst meldt processor_agreement_missing. Een lege locatie is een bevinding (waar de
--   gegevens staan is dan onbekend), net als lege subverwerkers, ook als het register die kolommen niet heeft.
--   Als waarborg telt alleen een erkende: standaardcontractbepalingen (SCC), een adequaatheidsbesluit, het
--   Data Privacy Framework (DPF) of bindende bedrijfsvoorschriften (BCR); "n.v.t." of "geen" bij een locatie
--   buiten de EER is geen waarborg. Een doorgifte zonder waarborg valt onder de hoogste boetecategorie (art.
--   83 lid 5); daarom is deze controle hoog.
-- why.en: A processor that stores data or lets it be accessed outside the European Economic Area (itself or
--   through a sub-processor) may do so only to a country with an adequacy decision of the European Commission or
--   with appropriate safeguards, such as standard contractual clauses; for the United States the adequacy
--   decision covers only companies certified under the EU-US Data Privacy Framework, so the safeguard must be
--   recorded. The organisation must know which sub-processors its processor engages. A processor agreement from
--   before 25 May 2018 was made under the Wbp and often lacks what art. 28(3) asks (instructions,
--   sub-processors, help with rights and breaches, audits): without a recorded update (a GDPR addendum) that is a
--   finding. Only systems in use count; an expired or missing agreement is processor_agreement_missing's.
--   A blank location is a finding (where the data is, is then unknown), as are blank sub-processors, also when
--   the register has no such columns. Only a recognised safeguard counts: standard contractual clauses (SCC),
--   an adequacy decision, the Data Privacy Framework (DPF) or binding corporate rules (BCR); "n.v.t." or
--   "none" for a location outside the EEA is no safeguard. A transfer without a safeguard falls in the highest
--   fine tier (art. 83(5)); hence this check is high.
-- fix.nl: Vraag de verwerker waar de gegevens staan en welke waarborg geldt (DPF-certificering,
--   standaardcontractbepalingen met een doorgiftetoets) en leg die vast, of kies opslag in de EER; vraag de lijst
--   van subverwerkers op; controleer of een overeenkomst van vóór de AVG inhoudelijk aan art. 28 lid 3 voldoet en
--   sluit anders een addendum af, en leg de datum vast.
-- fix.en: Ask the processor where the data is and which safeguard applies (DPF certification, standard
--   contractual clauses with a transfer impact assessment) and record it, or choose storage in the EEA; ask for
--   the list of sub-processors; check whether an agreement from before the GDPR meets art. 28(3) in substance,
--   else make an addendum, and record its date.
-- columns.nl: Verwerker, Locatie gegevens, Waarborg, Getekend op, Probleem
-- columns.en: Processor, Data location, Safeguard, Signed on, Problem
-- codes:
--   problem:
--     outside_eea_no_safeguard: buiten de EER zonder waarborg voor de doorgifte | outside the EEA without a transfer safeguard
--     sub_processors_unknown: subverwerkers niet vastgelegd | sub-processors not recorded
--     location_unknown: locatie van de gegevens niet vastgelegd | data location not recorded
--     pre_gdpr_agreement: overeenkomst van vóór de AVG, inhoud nagaan | agreement from before the GDPR, verify its content
WITH places AS (
    -- EEA: the EU, Iceland, Liechtenstein and Norway (Dutch and English names, ISO codes)
    SELECT unnest(['eu', 'eer', 'eea', 'europese unie', 'european union', 'europese economische ruimte', 'european economic area',
        'nederland', 'netherlands', 'the netherlands', 'nl', 'belgie', 'belgium', 'be', 'duitsland', 'germany', 'de',
        'frankrijk', 'france', 'fr', 'ierland', 'ireland', 'ie', 'luxemburg', 'luxembourg', 'lu', 'oostenrijk', 'austria', 'at',
        'denemarken', 'denmark', 'dk', 'zweden', 'sweden', 'se', 'finland', 'fi', 'spanje', 'spain', 'es', 'portugal', 'pt',
        'italie', 'italy', 'it', 'griekenland', 'greece', 'gr', 'polen', 'poland', 'pl', 'tsjechie', 'czechia', 'czech republic', 'cz',
        'slowakije', 'slovakia', 'sk', 'hongarije', 'hungary', 'hu', 'slovenie', 'slovenia', 'si', 'kroatie', 'croatia', 'hr',
        'roemenie', 'romania', 'ro', 'bulgarije', 'bulgaria', 'bg', 'estland', 'estonia', 'ee', 'letland', 'latvia', 'lv',
        'litouwen', 'lithuania', 'lt', 'cyprus', 'cy', 'malta', 'mt', 'ijsland', 'iceland', 'is', 'liechtenstein', 'li',
        'noorwegen', 'norway', 'no']) AS place, 'eea' AS status
    UNION ALL
    -- adequacy decisions (AVG art. 45), the United States excepted (only DPF-certified companies)
    SELECT unnest(['andorra', 'ad', 'argentinie', 'argentina', 'ar', 'canada', 'ca', 'faeroer', 'faroe islands', 'fo', 'guernsey', 'gg',
        'israel', 'il', 'isle of man', 'man', 'im', 'japan', 'jp', 'jersey', 'je', 'nieuw-zeeland', 'new zealand', 'nz',
        'zuid-korea', 'south korea', 'republic of korea', 'kr', 'zwitserland', 'switzerland', 'ch',
        'verenigd koninkrijk', 'united kingdom', 'uk', 'gb', 'groot-brittannie', 'great britain', 'uruguay', 'uy']), 'adequate'
),
procs AS (
    SELECT p.*,
           list_filter(list_transform(string_split_regex(strip_accents(lower(coalesce(p.data_location, ''))), '\s*[,;/]\s*|\s+(en|and)\s+'),
                       x -> regexp_replace(trim(x), '\s+', ' ', 'g')), x -> x <> '') AS locs
    FROM processors p
    -- A register without an "in use" column lists the systems in use.
    WHERE p.in_use OR (p.in_use IS NULL AND p._file NOT IN (SELECT file FROM _columns WHERE table_name = 'processors' AND column_name = 'in_use'))
),
outside AS (
    SELECT system, list(loc ORDER BY loc) AS abroad
    FROM (SELECT system, unnest(locs) AS loc FROM procs)
    WHERE loc NOT IN (SELECT place FROM places)
    GROUP BY system
),
judged AS (
    SELECT p.*, o.abroad, 'outside_eea_no_safeguard' AS problem
    FROM procs p JOIN outside o USING (system)
    -- only a recognised safeguard counts: "n.v.t.", "geen" or "contract" does not
    WHERE NOT regexp_matches(strip_accents(lower(coalesce(p.transfer_mechanism, ''))),
        '\bscc\b|standaard ?contract|standard contractual|modelcontract|2021/914|adequa|\bdpf\b|data privacy framework|\bbcr\b|binding corporate|bindende bedrijfsvoorschriften')
    UNION ALL
    SELECT p.*, NULL, 'location_unknown'
    FROM procs p
    WHERE len(p.locs) = 0
    UNION ALL
    SELECT p.*, NULL, 'sub_processors_unknown'
    FROM procs p
    WHERE nullif(trim(p.sub_processors), '') IS NULL
    UNION ALL
    SELECT p.*, NULL, 'pre_gdpr_agreement'
    FROM procs p
    WHERE p.agreement_signed_at < DATE '2018-05-25'
      AND (p.agreement_expires_at IS NULL OR p.agreement_expires_at >= getvariable('as_of')::DATE)
      AND (p.agreement_updated_at IS NULL OR p.agreement_updated_at < DATE '2018-05-25')
)
SELECT
    'processors' AS table_name, system AS record_key, _file, _row,
    CASE problem
        WHEN 'outside_eea_no_safeguard' THEN 'De gegevens in ' || system || ' worden (ook) buiten de EER verwerkt (' || trim(data_location)
            || '), maar er is geen erkende waarborg voor de doorgifte vastgelegd' || coalesce(' ("' || nullif(trim(transfer_mechanism), '') || '" is er geen)', '') || ': leg het adequaatheidsbesluit (DPF) of de standaardcontractbepalingen vast.'
        WHEN 'location_unknown' THEN 'Van ' || system || ' is niet vastgelegd waar de gegevens staan of worden ingezien: vraag het de verwerker en leg het vast (buiten de EER: met de waarborg).'
        WHEN 'sub_processors_unknown' THEN 'Van ' || system || ' zijn de subverwerkers niet vastgelegd: vraag de lijst op bij de verwerker.'
        ELSE 'De verwerkersovereenkomst met ' || system || ' is getekend op ' || strftime(agreement_signed_at, '%d-%m-%Y')
            || ', vóór de AVG, en er is geen aanpassing aan de AVG vastgelegd: ga na of ze inhoudelijk aan art. 28 lid 3 voldoet en sluit anders een AVG-addendum af.'
    END AS message_nl,
    CASE problem
        WHEN 'outside_eea_no_safeguard' THEN 'The data in ' || system || ' is (also) processed outside the EEA (' || trim(data_location)
            || '), but no recognised safeguard for the transfer is recorded' || coalesce(' ("' || nullif(trim(transfer_mechanism), '') || '" is none)', '') || ': record the adequacy decision (DPF) or the standard contractual clauses.'
        WHEN 'location_unknown' THEN 'For ' || system || ' it is not recorded where the data is stored or accessed: ask the processor and record it (outside the EEA: with the safeguard).'
        WHEN 'sub_processors_unknown' THEN 'The sub-processors of ' || system || ' are not recorded: ask the processor for the list.'
        ELSE 'The processor agreement with ' || system || ' was signed on ' || strftime(agreement_signed_at, '%Y-%m-%d')
            || ', before the GDPR, and no update to the GDPR is recorded: check whether it meets art. 28(3) in substance, else make a GDPR addendum.'
    END AS message_en,
    vendor, data_location, transfer_mechanism, agreement_signed_at, problem
FROM judged
ORDER BY _file, _row, problem
