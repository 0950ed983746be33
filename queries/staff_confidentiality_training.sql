-- id: staff_confidentiality_training
-- title.nl: Medewerker zonder getekende geheimhoudingsverklaring of privacytraining
-- title.en: Employee without a signed confidentiality statement or privacy training
-- severity: medium
-- area: toegang
-- source: AVG art. 32 lid 4 (wie onder het gezag van de organisatie toegang heeft, verwerkt alleen in opdracht)
--   en art. 24 (aantoonbare organisatorische maatregelen); art. 39 lid 1 sub b (de FG ziet toe op
--   bewustmaking en opleiding van personeel); beleid: staff.training_within_days,
--   staff.training_refresh_months
-- requires: staff, staff_privacy
-- impact: 2
-- impact.why: an employee who never learned or signed what may be done with children's data is more likely to
--   share it wrongly, and the organisation cannot show it took measures
-- population: staff
-- why.nl: Medewerkers van een kinderopvang zien gegevens over kinderen en gezinnen. Een getekende
--   geheimhoudingsverklaring legt vast dat zij die alleen voor hun werk gebruiken, en een privacytraining
--   leert hen wat wel en niet mag (foto's, delen, datalekken melden). Deze controle meldt iedere medewerker
--   die op de peildatum in dienst is zonder getekende verklaring, zonder training terwijl de termijn na
--   indiensttreding (staff.training_within_days) voorbij is, en - als het beleid een herhaling vraagt
--   (staff.training_refresh_months) - met een training die langer geleden is. Een medewerker zonder rij in
--   het overzicht heeft geen van beide.
-- why.en: Childcare staff see data about children and families. A signed confidentiality statement records
--   that they use it only for their work, and a privacy training teaches them what is and is not allowed
--   (photos, sharing, reporting breaches). This check reports every employee in service on the reference date
--   without a signed statement, without training once the period after joining (staff.training_within_days)
--   has passed, and - when the policy asks for a refresher (staff.training_refresh_months) - with a training
--   longer ago. An employee without a row in the overview has neither.
-- fix.nl: Laat de verklaring tekenen (bij indiensttreding, vóór de eerste werkdag) en plan de training; leg
--   beide vast in het personeelsdossier of het overzicht.
-- fix.en: Have the statement signed (on joining, before the first working day) and schedule the training;
--   record both in the personnel file or the overview.
-- columns.nl: Functie, In dienst, Verklaring getekend op, Training gevolgd op, Probleem
-- columns.en: Role, Employed since, Statement signed on, Training on, Problem
-- codes:
--   problem:
--     no_confidentiality: geen getekende geheimhoudingsverklaring | no signed confidentiality statement
--     no_training: geen privacytraining gevolgd | no privacy training followed
--     training_outdated: privacytraining te lang geleden | privacy training too long ago
WITH employees AS (
    SELECT trim(employee_id) AS employee_id, min(_file) AS _file, min(_row) AS _row,
           string_agg(DISTINCT trim(role), ', ' ORDER BY trim(role)) AS role,
           min(employment_start) AS employment_start,
           CASE WHEN bool_or(employment_end IS NULL) THEN NULL ELSE max(employment_end) END AS employment_end
    FROM staff GROUP BY trim(employee_id)
),
current AS (
    SELECT e.*, p.confidentiality_signed_at AS signed, p.training_completed_at AS trained,
           getvariable('as_of')::DATE AS as_of
    FROM employees e
    LEFT JOIN (SELECT trim(employee_id) AS employee_id, max(confidentiality_signed_at) AS confidentiality_signed_at,
                      max(training_completed_at) AS training_completed_at
               FROM staff_privacy GROUP BY trim(employee_id)) p USING (employee_id)
    WHERE (e.employment_start IS NULL OR e.employment_start <= getvariable('as_of')::DATE)
      AND (e.employment_end IS NULL OR e.employment_end >= getvariable('as_of')::DATE)
),
judged AS (
    SELECT *, 'no_confidentiality' AS problem FROM current
    WHERE signed IS NULL OR signed > as_of
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
    'staff' AS table_name, employee_id AS record_key, _file, _row,
    CASE problem
        WHEN 'no_confidentiality' THEN 'De medewerker heeft geen getekende geheimhoudingsverklaring: laat die tekenen en bewaar haar in het personeelsdossier.'
        WHEN 'no_training' THEN 'De medewerker heeft ' || CASE WHEN employment_start IS NULL THEN '' ELSE 'sinds de indiensttreding op ' || strftime(employment_start, '%d-%m-%Y') || ' ' END
            || 'geen privacytraining gevolgd: plan de training.'
        ELSE 'De privacytraining van de medewerker is van ' || strftime(trained, '%d-%m-%Y') || ', langer dan '
            || getvariable('staff.training_refresh_months') || ' maanden geleden: plan een opfriscursus.'
    END AS message_nl,
    CASE problem
        WHEN 'no_confidentiality' THEN 'The employee has no signed confidentiality statement: have it signed and keep it in the personnel file.'
        WHEN 'no_training' THEN 'The employee has followed no privacy training' || CASE WHEN employment_start IS NULL THEN '' ELSE ' since joining on ' || strftime(employment_start, '%Y-%m-%d') END
            || ': schedule the training.'
        ELSE 'The employee''s privacy training dates from ' || strftime(trained, '%Y-%m-%d') || ', more than '
            || getvariable('staff.training_refresh_months') || ' months ago: schedule a refresher.'
    END AS message_en,
    role, employment_start, signed AS confidentiality_signed_at, trained AS training_completed_at, problem
FROM judged
ORDER BY _file, _row, problem
