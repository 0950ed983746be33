-- id: staff_confidentiality_training
-- title.nl: Medewerker zonder privacytraining, of inval- of uitzendkracht, stagiair of vrijwilliger zonder geheimhoudingsverklaring
-- title.en: Employee without privacy training, or temp, intern or volunteer without a confidentiality statement
-- severity: medium
-- area: toegang
-- source: AVG art. 32 lid 4 (wie onder het gezag van de organisatie toegang heeft, verwerkt alleen in opdracht)
--   en art. 24 (aantoonbare organisatorische maatregelen); art. 39 lid 1 sub b (de FG ziet toe op
--   bewustmaking en opleiding van personeel); beleid: staff.training_within_days,
--   staff.training_refresh_months; geheimhouding van werknemers: de geheimhoudingsclausule in de
--   arbeidsovereenkomst of de cao Kinderopvang (een aparte verklaring is geen wettelijke plicht)
-- requires: staff, staff_privacy
-- reads: staff(employee_id, role?~, employment_start?, employment_end~), staff_privacy(employee_id, confidentiality_signed_at~, training_completed_at~), prk_links(person_id?, kind?~, work_start?~, work_end?~)
-- impact: 2
-- impact.why.nl: een medewerker die nooit heeft geleerd of ondertekend wat met gegevens van
--   kinderen mag, deelt ze eerder verkeerd, en de organisatie kan niet aantonen dat ze maatregelen nam
-- impact.why.en: an employee who never learned or signed what may be done with children's data is more likely to
--   share it wrongly, and the organisation cannot show it took measures
-- population: staff
-- why.nl: Medewerkers van een kinderopvang zien gegevens over kinderen en gezinnen. Werknemers zijn aan
--   geheimhouding gebonden door hun arbeidsovereenkomst of de cao Kinderopvang (ga na dat die de clausule
--   bevat); uitzend- en invalkrachten, stagiairs en vrijwilligers niet, dus van hen hoort een getekende
--   geheimhoudingsverklaring er te zijn (uit het overzicht van het personenregister, prk_links, als dat is
--   aangeleverd). Een privacytraining leert iedereen wat wel en niet mag (foto's, delen, datalekken melden).
--   Deze controle meldt wie op de peildatum werkt: een uitzend- of invalkracht, stagiair of vrijwilliger zonder
--   getekende verklaring, en iedereen zonder training terwijl de termijn na
--   indiensttreding (staff.training_within_days) voorbij is, en - als het beleid een herhaling vraagt
--   (staff.training_refresh_months) - met een training die langer geleden is. Een medewerker zonder rij in
--   het overzicht heeft geen van beide.
-- why.en: Childcare staff see data about children and families. Employees are bound to confidentiality by
--   their employment contract or the CAO Kinderopvang (check that it holds the clause); agency workers,
--   stand-ins, interns and volunteers are not, so a signed confidentiality statement should exist for them
--   (from the Personenregister overview, prk_links, when supplied). A privacy training teaches everyone what is
--   and is not allowed (photos, sharing, reporting breaches). This check reports whoever works on the reference
--   date: a temp, intern or volunteer without a signed statement, and anyone without training once the period
--   after joining (staff.training_within_days)
--   has passed, and - when the policy asks for a refresher (staff.training_refresh_months) - with a training
--   longer ago. An employee without a row in the overview has neither.
-- fix.nl: Laat uitzend- en invalkrachten, stagiairs en vrijwilligers de verklaring tekenen vóór de eerste
--   werkdag, ga na dat de arbeidsovereenkomst of de cao een geheimhoudingsclausule bevat, en plan de training; leg
--   beide vast in het personeelsdossier of het overzicht.
-- fix.en: Have temps, interns and volunteers sign the statement before their first working day, check that the
--   employment contract or the CAO holds a confidentiality clause, and schedule the training;
--   record both in the personnel file or the overview.
-- columns.nl: Soort, Functie, In dienst, Verklaring getekend op, Training gevolgd op, Probleem
-- columns.en: Kind, Role, Employed since, Statement signed on, Training on, Problem
-- codes:
--   problem:
--     no_confidentiality: geen getekende geheimhoudingsverklaring (niet in dienst) | no signed confidentiality statement (not employed)
--     no_training: geen privacytraining gevolgd | no privacy training followed
--     training_outdated: privacytraining te lang geleden | privacy training too long ago
--   worker_kind:
--     staff: medewerker | employee
--     temp: uitzend- of invalkracht | agency worker or stand-in
--     intern: stagiair | intern
--     volunteer: vrijwilliger | volunteer
WITH employees AS (
    SELECT trim(employee_id) AS person_id, 'staff' AS table_name, min(_file) AS _file, min(_row) AS _row, 'staff' AS kind,
           string_agg(DISTINCT trim(role), ', ' ORDER BY trim(role)) AS role,
           min(employment_start) AS employment_start,
           CASE WHEN bool_or(employment_end IS NULL) THEN NULL ELSE max(employment_end) END AS employment_end
    FROM staff GROUP BY trim(employee_id)
),
others AS (
    -- temps, interns and volunteers from the Personenregister overview (when supplied): not employed, so no
    -- employment contract or CAO binds them to confidentiality
    SELECT trim(person_id) AS person_id, 'prk_links' AS table_name, min(_file) AS _file, min(_row) AS _row,
           min(kind) AS kind, NULL AS role, min(work_start) AS employment_start,
           CASE WHEN bool_or(work_end IS NULL) THEN NULL ELSE max(work_end) END AS employment_end
    FROM prk_links
    WHERE kind IN ('temp', 'intern', 'volunteer')
      AND trim(person_id) NOT IN (SELECT trim(employee_id) FROM staff)
    GROUP BY trim(person_id)
),
current AS (
    SELECT e.*, p.confidentiality_signed_at AS signed, p.training_completed_at AS trained,
           getvariable('as_of')::DATE AS as_of
    FROM (SELECT * FROM employees UNION ALL SELECT * FROM others) e
    LEFT JOIN (SELECT trim(employee_id) AS person_id, max(confidentiality_signed_at) AS confidentiality_signed_at,
                      max(training_completed_at) AS training_completed_at
               FROM staff_privacy GROUP BY trim(employee_id)) p USING (person_id)
    WHERE (e.employment_start IS NULL OR e.employment_start <= getvariable('as_of')::DATE)
      AND (e.employment_end IS NULL OR e.employment_end >= getvariable('as_of')::DATE)
),
judged AS (
    -- an employee is bound by the confidentiality clause of the employment contract or the CAO Kinderopvang:
    -- a separate statement is asked only of temps, interns and volunteers
    SELECT *, 'no_confidentiality' AS problem FROM current
    WHERE kind <> 'staff' AND (signed IS NULL OR signed > as_of)
    UNION ALL
    SELECT *, 'no_training' FROM current
    WHERE (trained IS NULL OR trained > as_of)
      AND (employment_start IS NULL OR employment_start + getvariable('staff.training_within_days')::INTEGER < as_of)
    UNION ALL
    SELECT *, 'training_outdated' FROM current
    WHERE getvariable('staff.training_refresh_months')::INTEGER > 0
      AND trained <= as_of
      AND trained < (as_of - to_months(getvariable('staff.training_refresh_months')::INTEGER))::DATE
)
SELECT
    table_name, person_id AS record_key, _file, _row,
    CASE problem
        WHEN 'no_confidentiality' THEN 'De ' || CASE kind WHEN 'temp' THEN 'uitzend- of invalkracht' WHEN 'intern' THEN 'stagiair' ELSE 'vrijwilliger' END
            || ' valt niet onder een arbeidsovereenkomst of de cao en heeft geen getekende geheimhoudingsverklaring: laat die tekenen (of leg de geheimhoudingsclausule in de inleen-, stage- of vrijwilligersovereenkomst vast).'
        WHEN 'no_training' THEN 'De ' || CASE kind WHEN 'staff' THEN 'medewerker' WHEN 'temp' THEN 'uitzend- of invalkracht' WHEN 'intern' THEN 'stagiair' ELSE 'vrijwilliger' END
            || ' heeft ' || CASE WHEN employment_start IS NULL THEN '' ELSE 'sinds de start op ' || strftime(employment_start, '%d-%m-%Y') || ' ' END
            || 'geen privacytraining gevolgd: plan de training.'
        ELSE 'De privacytraining is van ' || strftime(trained, '%d-%m-%Y') || ', langer dan '
            || getvariable('staff.training_refresh_months') || ' maanden geleden: plan een opfriscursus.'
    END AS message_nl,
    CASE problem
        WHEN 'no_confidentiality' THEN 'The ' || CASE kind WHEN 'temp' THEN 'agency worker or stand-in' WHEN 'intern' THEN 'intern' ELSE 'volunteer' END
            || ' has no employment contract or CAO and no signed confidentiality statement: have one signed (or record the confidentiality clause of the agency, internship or volunteer agreement).'
        WHEN 'no_training' THEN 'The ' || CASE kind WHEN 'staff' THEN 'employee' WHEN 'temp' THEN 'agency worker or stand-in' WHEN 'intern' THEN 'intern' ELSE 'volunteer' END
            || ' has followed no privacy training' || CASE WHEN employment_start IS NULL THEN '' ELSE ' since starting on ' || strftime(employment_start, '%Y-%m-%d') END
            || ': schedule the training.'
        ELSE 'The privacy training dates from ' || strftime(trained, '%Y-%m-%d') || ', more than '
            || getvariable('staff.training_refresh_months') || ' months ago: schedule a refresher.'
    END AS message_en,
    kind AS worker_kind, role, employment_start, signed AS confidentiality_signed_at, trained AS training_completed_at, problem
FROM judged
ORDER BY _file, _row, problem
