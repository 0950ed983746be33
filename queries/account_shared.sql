-- id: account_shared
-- title.nl: Gedeeld of niet aan een medewerker gekoppeld account
-- title.en: Shared account or account not linked to an employee
-- severity: medium
-- area: toegang
-- source: AVG art. 32 (beveiliging: persoonlijke inlog, herleidbaarheid) en art. 5 lid 2
--   (verantwoordingsplicht); privacybeleid: persoonlijke inloggegevens op laptops en iPads
-- requires: accounts
-- reads: accounts(system, username, employee_id~, active?, last_login?), staff(employee_id)
-- impact: 3
-- impact.why.nl: toegang tot gegevens van kinderen is niet tot een persoon te herleiden en blijft
--   open voor vroegere gebruikers; schade ontstaat pas bij misbruik
-- impact.why.en: access to children's data cannot be traced to a person and stays open to former users;
--   harm follows only from misuse
-- population: accounts
-- why.nl: Met een gedeeld account is niet na te gaan wie welke gegevens van kinderen en ouders heeft
--   ingezien of gewijzigd, en het wachtwoord blijft bekend bij iedereen die ooit meedeed, ook na
--   uitdiensttreding. Elk actief account hoort bij precies één medewerker uit het personeelsbestand.
-- why.en: With a shared account nobody can tell who viewed or changed which data of children and parents,
--   and the password stays known to everyone who ever used it, also after they leave. Every active
--   account belongs to exactly one employee on the staff list.
-- fix.nl: Geef elke medewerker een eigen account en blokkeer het gedeelde account, of vul bij het account
--   het personeelsnummer in van de enige medewerker die het gebruikt (en neem die op in het
--   personeelsbestand).
-- fix.en: Give every employee their own account and block the shared one, or enter the employee number
--   of the one employee who uses it (and add them to the staff list).
-- columns.nl: Systeem, Medewerker, Laatste login, Probleem
-- columns.en: System, Employee, Last login, Problem
-- codes:
--   problem:
--     no_employee: account niet gekoppeld aan een medewerker | account linked to no employee
--     several_employees: account gedeeld door meerdere medewerkers | account shared by several employees
--     unknown_employee: personeelsnummer niet in het personeelsbestand | employee number not on the staff list
WITH employees AS (
    SELECT DISTINCT trim(employee_id) AS employee_id FROM staff
),
judged AS (
    -- Unknown employees can only be told when a staff list was supplied.
    SELECT a.*,
           CASE
               WHEN trim(coalesce(a.employee_id, '')) = '' THEN 'no_employee'
               WHEN regexp_matches(lower(a.employee_id), '[,;/&+]|\s(en|and)\s') THEN 'several_employees'
               WHEN EXISTS (SELECT 1 FROM employees)
                    AND trim(a.employee_id) NOT IN (SELECT employee_id FROM employees) THEN 'unknown_employee'
           END AS problem
    FROM accounts a
    WHERE a.active
)
SELECT
    'accounts' AS table_name,
    system || '/' || username AS record_key,
    _file, _row,
    CASE problem
        WHEN 'no_employee' THEN 'Het actieve account in ' || system || ' is aan geen medewerker gekoppeld; geef elke gebruiker een eigen account of vul het personeelsnummer in.'
        WHEN 'several_employees' THEN 'Het actieve account in ' || system || ' wordt gedeeld door meerdere medewerkers (' || employee_id || '); geef elke medewerker een eigen account en blokkeer dit account.'
        ELSE 'Het actieve account in ' || system || ' hoort bij personeelsnummer ' || employee_id || ', dat niet in het personeelsbestand staat; zoek uit wie het gebruikt en blokkeer het of vul het juiste nummer in.'
    END AS message_nl,
    CASE problem
        WHEN 'no_employee' THEN 'The active ' || system || ' account is linked to no employee; give every user an account of their own or enter the employee number.'
        WHEN 'several_employees' THEN 'The active ' || system || ' account is shared by several employees (' || employee_id || '); give every employee an account of their own and block this one.'
        ELSE 'The active ' || system || ' account belongs to employee number ' || employee_id || ', which is not on the staff list; find out who uses it and block it or enter the right number.'
    END AS message_en,
    system, employee_id, last_login, problem
FROM judged
WHERE problem IS NOT NULL
ORDER BY _file, _row
