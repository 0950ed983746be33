-- id: account_hygiene
-- title.nl: Account lang ongebruikt, met een algemene naam of zonder tweestapsverificatie
-- title.en: Account long unused, with a generic name or without multi-factor authentication
-- severity: medium
-- area: toegang
-- source: AVG art. 5 lid 1 sub f en art. 32 lid 1 sub b (vertrouwelijkheid van systemen, toegang op basis van
--   noodzaak) en art. 5 lid 2 (verantwoording: wie deed wat); tweestapsverificatie als stand van de techniek
--   (art. 32 lid 1; de AVG schrijft MFA niet als zodanig voor); beleid: access.unused_months (eigen keuze),
--   access.generic_names
-- requires: accounts
-- reads: accounts(system, username, employee_id~, access_scope?~, active, last_login?, mfa?), staff(employee_id, groups?~, employment_end~)
-- impact: 3
-- impact.why.nl: een vergeten, gedeeld ogend of alleen met een wachtwoord beveiligd account is de
--   makkelijkste weg naar gegevens van kinderen en ouders, en wat ermee gebeurt is niet tot een
--   persoon te herleiden
-- impact.why.en: a forgotten, shared-looking or password-only account is the easiest way into children's and
--   parents' data, and what is done with it cannot be traced to a person
-- population: accounts
-- why.nl: Een actief account dat maanden niet is gebruikt, is niet nodig en wordt niet gemist als iemand
--   anders ermee inlogt. Een account met een algemene naam ("beheer", "groep.vlinders", "ipad3") is niet tot
--   één persoon te herleiden, ook als er een personeelsnummer bij staat. Algemeen is een naam die alleen uit
--   algemene woorden (access.generic_names), groepsnamen en cijfers bestaat; "stagiair.jansen" of een apart
--   beheeraccount "admin.jdevries" is persoonlijk. Waar de export zegt of het account
--   met een tweede factor inlogt, is een account zonder tweestapsverificatie kwetsbaar voor een gelekt of
--   geraden wachtwoord. Accounts van medewerkers die uit dienst zijn meldt account_after_employment, accounts
--   zonder (één bekende) medewerker account_shared; deze controle laat ze voor die punten weg. Een account
--   zonder laatste login of zonder MFA-gegeven wordt op dat punt niet beoordeeld: dat is geen bevinding en telt
--   niet mee in het risico; per systeem zegt één waarschuwing hoeveel actieve accounts dat zijn en welke kolom
--   de export mist ("niet beoordeeld: 4 actieve accounts in Konnect ..."). Is iemand lang afwezig
--   (verlof), blokkeer het account dan tijdelijk of leg het vast als geaccepteerd risico.
-- why.en: An active account unused for months is not needed and nobody notices when someone else logs in
--   with it. An account with a generic name ("beheer", "groep.vlinders", "ipad3") cannot be traced to one
--   person, even with an employee number next to it. A name is generic when it is made only of generic words
--   (access.generic_names), group names and digits; "stagiair.jansen" or a separate admin account
--   "admin.jdevries" is personal. Where the export says whether the account signs in with
--   a second factor, an account without multi-factor authentication is open to a leaked or guessed password.
--   Accounts of employees who left are reported by account_after_employment, accounts without (one known)
--   employee by account_shared; this check leaves them out for those points. An account without a last login
--   or without an MFA value is not judged on that point: that is no finding and adds nothing to the risk; per
--   system one warning says how many active accounts that is and which column the export lacks ("not judged:
--   4 active accounts in Konnect ..."). For someone away for long (leave), block the account
--   for the time being or record it as an accepted risk.
-- fix.nl: Blokkeer ongebruikte accounts (en spreek af wie ze periodiek nakijkt), geef elke gebruiker een
--   persoonlijk account in plaats van een algemeen, en zet tweestapsverificatie aan voor alle accounts met
--   toegang tot kind- of oudergegevens.
-- fix.en: Block unused accounts (and agree who reviews them periodically), give every user a personal account
--   instead of a generic one, and turn on multi-factor authentication for every account with access to
--   children's or parents' data.
-- columns.nl: Systeem, Medewerker, Laatste login, Probleem
-- columns.en: System, Employee, Last login, Problem
-- codes:
--   problem:
--     unused: account lang niet gebruikt | account long unused
--     generic_name: algemene accountnaam, niet tot één persoon te herleiden | generic account name, not traceable to one person
--     no_mfa: geen tweestapsverificatie | no multi-factor authentication
--     last_login_unknown: laatste login onbekend, niet beoordeeld | last login unknown, not judged
--     mfa_unknown: MFA onbekend, niet beoordeeld | MFA unknown, not judged
WITH group_words AS (
    -- the group names the organisation uses, as words: a name made of a generic word and a group
    -- ("groep.kajuit", "ipad-vlinders") is generic, one with a person's name ("stagiair.jansen") is not
    SELECT list_distinct(flatten(list(string_split_regex(lower(g), '[^a-z]+')))) AS words
    FROM (SELECT unnest(string_split_regex(coalesce(groups, ''), '[,;/]')) AS g FROM staff
          UNION ALL
          SELECT unnest(string_split_regex(coalesce(access_scope, ''), '[,;/]')) FROM accounts)
),
staff_ends AS (
    SELECT trim(employee_id) AS employee_id,
           CASE WHEN bool_or(employment_end IS NULL) THEN NULL ELSE max(employment_end) END AS employment_end
    FROM staff GROUP BY trim(employee_id)
),
accts AS (
    SELECT a.*, e.employee_id IS NOT NULL AS known, e.employment_end, coalesce(gw.words, []) AS group_words,
           valid_bsn(regexp_replace(a.username, '\D', '', 'g')) AS bsn_login,
           -- the words of the login name: "groep.kajuit@klimboom.example" -> groep, kajuit
           list_filter(string_split_regex(lower(split_part(trim(a.username), '@', 1)), '[^a-z]+'), w -> w <> '') AS parts
    FROM accounts a
    LEFT JOIN staff_ends e ON e.employee_id = trim(a.employee_id)
    CROSS JOIN group_words gw
    WHERE a.active
      -- a leaver's account is account_after_employment's
      AND NOT coalesce(e.employment_end < getvariable('as_of')::DATE, false)
),
problems AS (
    SELECT *, 'unused' AS problem FROM accts
    WHERE last_login::DATE < (getvariable('as_of')::DATE - to_months(getvariable('access.unused_months')::INTEGER))::DATE
    UNION ALL
    SELECT *, 'generic_name' AS problem FROM accts
    -- every word of the name is a generic word or a group name, at least one a generic word; digits are
    -- ignored ("admin3", "ipad-2"): a personal name beside a generic word ("admin.jdevries") is personal
    WHERE len(list_intersect(parts, getvariable('access.generic_names')::VARCHAR[])) > 0
      AND len(list_filter(parts, w -> NOT list_contains(getvariable('access.generic_names')::VARCHAR[], w)
                                 AND NOT list_contains(group_words, w))) = 0
      -- an account without one known employee is account_shared's
      AND trim(coalesce(employee_id, '')) <> ''
      AND NOT regexp_matches(lower(employee_id), '[,;/&+]|\s(en|and)\s')
      AND (known OR NOT EXISTS (SELECT 1 FROM staff))
    UNION ALL
    SELECT *, 'no_mfa' AS problem FROM accts
    WHERE mfa = false
),
unknown AS (
    -- per system, the active accounts this check could not judge on one point: said once, with their number,
    -- on the first of them whose login is not a BSN (that would be masked)
    SELECT system, arg_min(username, (bsn_login, _file, _row)) AS username,
           arg_min(_file, (bsn_login, _file, _row)) AS _file, arg_min(_row, (bsn_login, _file, _row)) AS _row,
           'last_login_unknown' AS problem, count(*) AS n
    FROM accts WHERE last_login IS NULL GROUP BY system
    UNION ALL
    SELECT system, arg_min(username, (bsn_login, _file, _row)),
           arg_min(_file, (bsn_login, _file, _row)), arg_min(_row, (bsn_login, _file, _row)), 'mfa_unknown', count(*)
    FROM accts WHERE mfa IS NULL GROUP BY system
)
SELECT
    'accounts' AS table_name,
    system || '/' || username AS record_key,
    _file, _row,
    CASE problem
        WHEN 'unused' THEN 'Het actieve account in ' || system || ' is sinds ' || strftime(last_login, '%d-%m-%Y')
            || ' niet gebruikt, langer dan ' || getvariable('access.unused_months') || ' maanden: blokkeer het als het niet meer nodig is.'
        WHEN 'generic_name' THEN 'Het account ' || username || ' in ' || system
            || ' heeft een algemene naam en is daardoor niet tot één persoon te herleiden: geef de medewerker een persoonlijk account en blokkeer dit.'
        ELSE 'Het account in ' || system || ' logt in zonder tweestapsverificatie: zet MFA aan.'
    END AS message_nl,
    CASE problem
        WHEN 'unused' THEN 'The active ' || system || ' account has not been used since ' || strftime(last_login, '%Y-%m-%d')
            || ', more than ' || getvariable('access.unused_months') || ' months: block it if it is no longer needed.'
        WHEN 'generic_name' THEN 'The ' || system || ' account ' || username
            || ' has a generic name and so cannot be traced to one person: give the employee a personal account and block this one.'
        ELSE 'The ' || system || ' account signs in without multi-factor authentication: turn MFA on.'
    END AS message_en,
    system, employee_id, last_login, problem, NULL::BIGINT AS not_judged
FROM problems
UNION ALL
-- not judged: no findings, but the check's counted incompleteness (not_judged), with the column to export
SELECT
    'accounts', system || '/' || username, _file, _row,
    CASE problem
        WHEN 'last_login_unknown' THEN n || CASE WHEN n = 1 THEN ' actief account in ' ELSE ' actieve accounts in ' END || system
            || ' of ze ongebruikt zijn: de export geeft geen laatste login; koppel de kolom met de laatste login (last_login) of kijk ze na.'
        ELSE n || CASE WHEN n = 1 THEN ' actief account in ' ELSE ' actieve accounts in ' END || system
            || ' op tweestapsverificatie: de export zegt niet of ze MFA gebruiken; koppel die kolom (mfa) of kijk ze na.'
    END,
    CASE problem
        WHEN 'last_login_unknown' THEN n || CASE WHEN n = 1 THEN ' active account in ' ELSE ' active accounts in ' END || system
            || ' on being unused: the export gives no last login; map the last-login column (last_login) or review them.'
        ELSE n || CASE WHEN n = 1 THEN ' active account in ' ELSE ' active accounts in ' END || system
            || ' on multi-factor authentication: the export does not say whether they use MFA; map that column (mfa) or review them.'
    END,
    system, NULL, NULL, problem, n
FROM unknown
ORDER BY _file, _row, problem
