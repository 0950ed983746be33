-- id: breach_not_handled
-- title.nl: Datalek niet (op tijd) gemeld of onvolledig geregistreerd
-- title.en: Data breach not reported (in time) or incompletely registered
-- severity: high
-- area: datalekken
-- source: AVG art. 33 lid 1 (melding aan de AP binnen 72 uur, tenzij het lek waarschijnlijk geen risico
--   oplevert), lid 5 (documentatie van elk datalek: feiten, gevolgen, maatregelen) en art. 34 lid 1 en 3
--   (betrokkenen informeren bij een hoog risico, tenzij een uitzondering geldt, zoals versleutelde
--   gegevens)
-- requires: breaches
-- reads: breaches(breach_id, discovered_at, reportable?, reported_to_ap_at~, late_reason?~, high_risk?, subjects_informed_at|subjects_informed?~, inform_exception?~, facts?, effects?, measures?)
-- impact: 4
-- impact.why.nl: ouders en kinderen worden niet gewaarschuwd voor een datalek dat hen in gevaar
--   brengt, en de AP kan geen toezicht houden; de schade van het lek zelf wordt niet beperkt
-- impact.why.en: parents and children are not warned of a breach that puts them at risk, and the AP cannot
--   supervise; the harm of the breach itself goes unchecked
-- population: breaches
-- why.nl: Een datalek dat gemeld moet worden, moet binnen 72 uur nadat de organisatie het ontdekte bij de
--   Autoriteit Persoonsgegevens zijn gemeld. Bij een hoog risico voor de betrokkenen (kinderen, ouders,
--   medewerkers) moeten zij zelf ook worden geïnformeerd, tenzij een uitzondering van art. 34 lid 3 geldt
--   (bijvoorbeeld: de gegevens waren versleuteld) en die is vastgelegd. Een lek met een hoog risico voor
--   de betrokkenen is ook meldplichtig bij de AP: staat het als hoog risico maar niet meldplichtig in het
--   register, dan spreekt het register zichzelf tegen. Elk datalek, ook een niet-meldplichtig, hoort in
--   het register met de feiten, de gevolgen, de genomen maatregelen en de beslissing over melden.
-- why.en: A reportable data breach must be reported to the Dutch Data Protection Authority (AP) within
--   72 hours of the organisation becoming aware of it. When the risk to the people affected (children,
--   parents, staff) is high, they must be informed themselves, unless an exception of art. 34(3) applies
--   (for instance: the data was encrypted) and is recorded. A breach with a high risk to the people
--   affected must also be reported to the AP: recorded as high risk but not reportable, the register
--   contradicts itself. Every breach, reportable or not, belongs in the register with its facts, effects,
--   measures taken and the decision on reporting.
-- fix.nl: Meld een meldplichtig datalek alsnog direct bij de AP (met de reden van de vertraging), informeer
--   de betrokkenen bij een hoog risico, en vul het datalekkenregister aan met wat de melding noemt.
-- fix.en: Report a reportable breach to the AP at once (stating the reason for the delay), inform the
--   people affected when the risk is high, and complete the breach register with what the finding names.
-- columns.nl: Ontdekt op, Melden uiterlijk, Gemeld aan AP op, Ontbreekt in register, Probleem
-- columns.en: Discovered at, Report by, Reported to AP at, Missing from register, Problem
-- codes:
--   problem:
--     not_reported: niet gemeld bij de AP | not reported to the AP
--     reported_late: later dan 72 uur gemeld bij de AP, zonder reden | reported to the AP after 72 hours, without reasons
--     reported_late_with_reason: later dan 72 uur gemeld bij de AP, met reden | reported to the AP after 72 hours, with reasons
--     subjects_not_informed: betrokkenen niet geïnformeerd | people affected not informed
--     incomplete_entry: registratie in het datalekkenregister onvolledig | breach register entry incomplete
--     high_risk_not_reportable: hoog risico maar niet meldplichtig genoemd | high risk but recorded as not reportable
--   missing:
--     facts: feiten | facts
--     effects: gevolgen | effects
--     measures: maatregelen | measures
--     reportable: beslissing over melden | decision on reporting
WITH settings AS (
    -- The reference date is a day: a deadline that falls on it has not passed yet.
    SELECT getvariable('as_of')::DATE::TIMESTAMP AS as_of
),
supplied AS (
    -- The register columns each breach export has: a field that is blank
    -- because the register has no column for it gets that said. _columns.file
    -- already names the sheet ("register.xlsx [Lekken]"), as _file does.
    SELECT file AS _file, list(column_name) AS cols
    FROM _columns WHERE table_name = 'breaches' AND column_name IS NOT NULL
    GROUP BY ALL
),
fields AS (
    SELECT b._file, b._row, f.pos, f.code, f.nl, f.en,
           CASE f.code
               WHEN 'facts' THEN nullif(trim(b.facts), '') IS NULL
               WHEN 'effects' THEN nullif(trim(b.effects), '') IS NULL
               WHEN 'measures' THEN nullif(trim(b.measures), '') IS NULL
               ELSE b.reportable IS NULL
           END AS blank,
           s.cols IS NULL OR list_contains(s.cols, f.code) AS has_column
    FROM breaches b
    CROSS JOIN (VALUES (1, 'facts', 'de feiten', 'the facts'), (2, 'effects', 'de gevolgen', 'the effects'),
                       (3, 'measures', 'de maatregelen', 'the measures'),
                       (4, 'reportable', 'de beslissing over melden', 'the decision on reporting')) f(pos, code, nl, en)
    LEFT JOIN supplied s ON s._file = b._file
),
gaps AS (
    SELECT _file, _row,
           coalesce(string_agg(code, ', ' ORDER BY pos) FILTER (WHERE blank), '') AS missing,
           list(nl ORDER BY pos) FILTER (WHERE blank) AS missing_nl,
           list(en ORDER BY pos) FILTER (WHERE blank) AS missing_en,
           list(nl ORDER BY pos) FILTER (WHERE blank AND NOT has_column) AS no_column_nl,
           list(en ORDER BY pos) FILTER (WHERE blank AND NOT has_column) AS no_column_en
    FROM fields GROUP BY _file, _row
),
timed AS (
    -- A discovery recorded with a date but no time of day is taken as
    -- discovered at the end of that day, to the organisation's benefit.
    -- The missing fields as a sentence: "a, b en c" / "a, b and c".
    SELECT b.*, g.missing,
           array_to_string(g.missing_nl[:-2], ', ') || CASE WHEN len(g.missing_nl) > 1 THEN ' en ' ELSE '' END || g.missing_nl[-1] AS missing_nl,
           array_to_string(g.missing_en[:-2], ', ') || CASE WHEN len(g.missing_en) > 1 THEN ' and ' ELSE '' END || g.missing_en[-1] AS missing_en,
           array_to_string(g.no_column_nl[:-2], ', ') || CASE WHEN len(g.no_column_nl) > 1 THEN ' en ' ELSE '' END || g.no_column_nl[-1] AS no_column_nl,
           array_to_string(g.no_column_en[:-2], ', ') || CASE WHEN len(g.no_column_en) > 1 THEN ' and ' ELSE '' END || g.no_column_en[-1] AS no_column_en,
           CASE WHEN discovered_at = date_trunc('day', discovered_at)
                THEN discovered_at + INTERVAL 1 DAY - INTERVAL 1 SECOND ELSE discovered_at END + INTERVAL 72 HOUR AS deadline,
           s.as_of
    FROM breaches b
    JOIN gaps g ON g._file = b._file AND g._row = b._row, settings s
    WHERE b.discovered_at < s.as_of + INTERVAL 1 DAY
),
problems AS (
    SELECT *, 'not_reported' AS problem FROM timed
    WHERE reportable AND reported_to_ap_at IS NULL AND as_of > deadline
    UNION ALL
    -- Art. 33(1): a report after 72 hours comes with the reasons for the
    -- delay; one that has them recorded is still late, but reported apart.
    SELECT *, CASE WHEN nullif(trim(late_reason), '') IS NULL THEN 'reported_late' ELSE 'reported_late_with_reason' END FROM timed
    WHERE reported_to_ap_at > deadline
    UNION ALL
    SELECT *, 'subjects_not_informed' FROM timed
    WHERE high_risk AND subjects_informed_at IS NULL AND NOT coalesce(subjects_informed, false)
      -- a recorded art. 34(3) exception (encrypted data, ...) is no finding
      AND nullif(trim(inform_exception), '') IS NULL
    UNION ALL
    -- High risk to the people affected means a risk to them: reportable.
    SELECT *, 'high_risk_not_reportable' FROM timed
    WHERE high_risk AND NOT reportable
    UNION ALL
    SELECT *, 'incomplete_entry' FROM timed
    WHERE missing <> ''
),
labelled AS (
    SELECT *,
           CASE WHEN discovered_at = date_trunc('day', discovered_at) THEN strftime(discovered_at, '%d-%m-%Y')
                ELSE strftime(discovered_at, '%d-%m-%Y %H:%M') END AS discovered_nl,
           CASE WHEN discovered_at = date_trunc('day', discovered_at) THEN strftime(discovered_at, '%Y-%m-%d')
                ELSE strftime(discovered_at, '%Y-%m-%d %H:%M') END AS discovered_en,
           CASE WHEN reported_to_ap_at = date_trunc('day', reported_to_ap_at) THEN strftime(reported_to_ap_at, '%d-%m-%Y')
                ELSE strftime(reported_to_ap_at, '%d-%m-%Y %H:%M') END AS reported_nl,
           CASE WHEN reported_to_ap_at = date_trunc('day', reported_to_ap_at) THEN strftime(reported_to_ap_at, '%Y-%m-%d')
                ELSE strftime(reported_to_ap_at, '%Y-%m-%d %H:%M') END AS reported_en
    FROM problems
)
SELECT
    'breaches' AS table_name,
    breach_id AS record_key,
    _file, _row,
    'Datalek ontdekt op ' || discovered_nl ||
    CASE problem
        WHEN 'not_reported' THEN ' is meldplichtig maar niet gemeld bij de AP; de termijn van 72 uur verstreek op ' ||
             strftime(deadline, '%d-%m-%Y %H:%M') || '. Meld het alsnog direct.'
        WHEN 'reported_late' THEN ' is pas op ' || reported_nl ||
             ' bij de AP gemeld, later dan 72 uur na ontdekking (' || strftime(deadline, '%d-%m-%Y %H:%M') || ') en er is geen reden voor de vertraging vastgelegd (art. 33 lid 1); leg de reden vast en meld die aan de AP.'
        WHEN 'reported_late_with_reason' THEN ' is pas op ' || reported_nl ||
             ' bij de AP gemeld, later dan 72 uur na ontdekking (' || strftime(deadline, '%d-%m-%Y %H:%M') || '); de reden van de vertraging is vastgelegd: beoordeel of die de vertraging rechtvaardigt en voorkom vertraging bij een volgend lek.'
        WHEN 'subjects_not_informed' THEN ' heeft een hoog risico, maar de betrokkenen zijn niet geïnformeerd en er is geen uitzondering (art. 34 lid 3) vastgelegd; informeer hen zo snel mogelijk.'
        WHEN 'high_risk_not_reportable' THEN ' staat als hoog risico voor de betrokkenen maar als niet meldplichtig in het register; een lek met een hoog risico is meldplichtig: herzie de beslissing en meld het alsnog bij de AP.'
        WHEN 'incomplete_entry' THEN ': in het datalekkenregister ' || CASE WHEN missing = 'reportable' THEN 'ontbreekt ' ELSE 'ontbreken ' END || missing_nl ||
             coalesce(' (het register heeft geen kolom voor ' || no_column_nl || ': voeg die toe)', '') || '; vul dit aan.'
    END AS message_nl,
    'Breach discovered on ' || discovered_en ||
    CASE problem
        WHEN 'not_reported' THEN ' is reportable but was not reported to the AP; the 72-hour deadline passed on ' ||
             strftime(deadline, '%Y-%m-%d %H:%M') || '. Report it at once.'
        WHEN 'reported_late' THEN ' was only reported to the AP on ' || reported_en ||
             ', later than 72 hours after discovery (' || strftime(deadline, '%Y-%m-%d %H:%M') || '), and no reason for the delay is recorded (art. 33(1)); record the reasons and give them to the AP.'
        WHEN 'reported_late_with_reason' THEN ' was only reported to the AP on ' || reported_en ||
             ', later than 72 hours after discovery (' || strftime(deadline, '%Y-%m-%d %H:%M') || '); the reasons for the delay are recorded: judge whether they justify it and prevent delay with the next breach.'
        WHEN 'subjects_not_informed' THEN ' has a high risk, but the people affected were not informed and no exception (art. 34(3)) is recorded; inform them as soon as possible.'
        WHEN 'high_risk_not_reportable' THEN ' is recorded as a high risk to the people affected but as not reportable; a breach with a high risk is reportable: review the decision and report it to the AP.'
        WHEN 'incomplete_entry' THEN ': the breach register lacks ' || missing_en ||
             coalesce(' (the register has no column for ' || no_column_en || ': add one)', '') || '; complete it.'
    END AS message_en,
    discovered_at, deadline, reported_to_ap_at,
    CASE WHEN problem = 'incomplete_entry' THEN missing END AS missing, problem
FROM labelled
ORDER BY _file, _row, problem
