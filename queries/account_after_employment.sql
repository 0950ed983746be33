-- id: account_after_employment
-- title.nl: Account actief na uitdiensttreding
-- title.en: Account active after the employee left
-- severity: high
-- area: toegang
-- source: AVG art. 32 (beveiliging: toegang intrekken); privacybeleid: autorisaties worden bij
--   uitdiensttreding ingetrokken
-- requires: accounts, staff
-- reads: accounts(system, username, employee_id, active, last_login?), staff(employee_id, employment_end~)
-- impact: 4
-- impact.why.nl: iemand die niet meer aan de organisatie gebonden is, kan dossiers van kinderen en
--   ouders lezen, en een login na vertrek kan al een datalek zijn
-- impact.why.en: someone no longer bound by the organisation can read children's and parents' files, and a
--   login after leaving may already be a breach
-- population: accounts
-- why.nl: Een medewerker die uit dienst is, heeft geen toegang meer nodig tot gegevens van kinderen en
--   ouders. Een account dat na de laatste werkdag actief blijft, kan door de oud-medewerker of door
--   iemand anders worden gebruikt; is er na de uitdiensttreding nog ingelogd, dan is dat ernstig en
--   mogelijk een datalek, ook als het account inmiddels is geblokkeerd.
-- why.en: An employee who has left no longer needs access to children's and parents' data. An account
--   that stays active after the last working day can be used by the former employee or by someone else;
--   a login after leaving is severe and possibly a data breach, even if the account has been blocked
--   since.
-- fix.nl: Blokkeer of verwijder het account in het genoemde systeem en leg vast dat accounts op de laatste
--   werkdag worden ingetrokken. Is er na de uitdiensttreding ingelogd, zoek dan uit wie dat was en wat er
--   is ingezien, en beoordeel of er sprake is van een datalek.
-- fix.en: Block or delete the account in the system named and make revoking accounts on the last working
--   day part of leaving. If someone logged in after leaving, find out who it was and what was viewed, and
--   assess whether this is a data breach.
-- columns.nl: Systeem, Medewerker, Uit dienst per, Laatste login, Probleem
-- columns.en: System, Employee, Employment ended, Last login, Problem
-- codes:
--   problem:
--     active_after_leaving: account actief na uitdiensttreding | account active after leaving
--     login_after_leaving: ingelogd na uitdiensttreding | logged in after leaving
WITH employees AS (
    -- An employee may be in several staff exports: employment has ended
    -- only when it ended everywhere, on the last date.
    SELECT trim(employee_id) AS employee_id,
           CASE WHEN bool_or(employment_end IS NULL) THEN NULL ELSE max(employment_end) END AS employment_end
    FROM staff GROUP BY trim(employee_id)
),
judged AS (
    -- The last working day is the end date itself: a login on it is fine.
    -- A login after leaving is reported even when the account has been
    -- blocked since (or its state is not filled in): it was used.
    SELECT a.*, e.employment_end,
           CASE WHEN a.last_login::DATE > e.employment_end THEN 'login_after_leaving' ELSE 'active_after_leaving' END AS problem
    FROM accounts a
    JOIN employees e ON e.employee_id = trim(a.employee_id)
    WHERE e.employment_end < getvariable('as_of')::DATE
      AND (a.active OR a.last_login::DATE > e.employment_end)
)
SELECT
    'accounts' AS table_name,
    system || '/' || username AS record_key,
    _file, _row,
    CASE problem
        WHEN 'login_after_leaving' THEN 'Ernstig: het account in ' || system || ' van een medewerker die op ' || strftime(employment_end, '%d-%m-%Y')
            || ' uit dienst ging, is daarna nog gebruikt (laatste login ' || strftime(last_login, '%d-%m-%Y') || '); '
            || CASE WHEN active THEN 'blokkeer het direct'
                    WHEN NOT active THEN 'het is inmiddels geblokkeerd, maar zoek uit wie er inlogde'
                    ELSE 'blokkeer het direct als het nog actief is' END
            || ' en beoordeel of er sprake is van een datalek.'
        ELSE 'Het account in ' || system || ' van een medewerker die op ' || strftime(employment_end, '%d-%m-%Y')
            || ' uit dienst ging, is nog actief; blokkeer of verwijder het.'
    END AS message_nl,
    CASE problem
        WHEN 'login_after_leaving' THEN 'Severe: the ' || system || ' account of an employee who left on ' || strftime(employment_end, '%Y-%m-%d')
            || ' was used afterwards (last login ' || strftime(last_login, '%Y-%m-%d') || '); '
            || CASE WHEN active THEN 'block it at once'
                    WHEN NOT active THEN 'it has been blocked since, but find out who logged in'
                    ELSE 'block it at once if it is still active' END
            || ' and assess whether this is a data breach.'
        ELSE 'The ' || system || ' account of an employee who left on ' || strftime(employment_end, '%Y-%m-%d')
            || ' is still active; block or delete it.'
    END AS message_en,
    system, employee_id, employment_end, last_login, problem
FROM judged
ORDER BY _file, _row
