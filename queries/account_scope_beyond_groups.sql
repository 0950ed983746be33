-- id: account_scope_beyond_groups
-- title.nl: Account ziet groepen waarin de medewerker niet werkt
-- title.en: Account sees groups the employee does not work in
-- severity: medium
-- area: toegang
-- source: AVG art. 5 lid 1 sub c (minimale gegevensverwerking), art. 25 lid 2 (standaard alleen toegang
--   voor zover nodig) en art. 32 lid 1 (passende beveiliging); privacybeleid: medewerkers zien alleen de kinderen van de eigen groep (beleid:
--   access.all_groups_roles)
-- requires: accounts, staff
-- reads: accounts(system, username, employee_id, access_scope, active), staff(employee_id, role~, groups, employment_end~)
-- impact: 2
-- impact.why.nl: collega's met een geheimhoudingsplicht zien de kinderen van enkele groepen meer
--   dan nodig; de schade groeit als het account wordt misbruikt
-- impact.why.en: colleagues under a duty of confidentiality see a few groups' children more than they need;
--   the harm grows when the account is misused
-- population: accounts
-- why.nl: Een pedagogisch medewerker hoort alleen de kinderen te zien van de groepen waarin hij of zij werkt. Deze
--   controle vergelijkt de groepen die een account mag zien met de groepen van de medewerker in het
--   personeelsbestand en meldt de groepen die daar niet bij staan. Accounts die alle groepen zien meldt
--   account_scope_exceeds_role; functies die alle groepen mogen zien (access.all_groups_roles), flexwerkers en
--   invalkrachten (functie of groepen met "flex", "inval" of "oproep": zij werken in wisselende groepen), accounts van
--   medewerkers zonder vastgelegde groepen, die uit dienst zijn of zonder (één bekende) medewerker worden hier
--   niet beoordeeld. Groepsnamen worden vergeleken zonder hoofdletters en spaties.
-- why.en: A childcare worker should see only the children of the groups they work in. This check compares
--   the groups an account may see with the employee's groups in the staff register and reports the groups
--   not among them. Accounts seeing all groups are account_scope_exceeds_role's; roles allowed to see all
--   groups (access.all_groups_roles), flex workers and stand-ins (a role or groups saying "flex", "inval" or
--   "oproep": they work in changing groups), accounts of employees without recorded groups, of leavers or without
--   (one known) employee are not judged here. Group names are compared without case and spaces.
-- fix.nl: Beperk het account tot de groepen van de medewerker, of werk de groepen in het personeelsbestand bij
--   als de medewerker daar inmiddels (ook) werkt, bijvoorbeeld als vaste invaller.
-- fix.en: Restrict the account to the employee's groups, or update the groups in the staff register if the
--   employee now (also) works there, for instance as a regular stand-in.
-- columns.nl: Systeem, Medewerker, Functie, Toegang, Groepen medewerker, Groepen te veel
-- columns.en: System, Employee, Role, Access, Employee's groups, Groups beyond
WITH employees AS (
    SELECT trim(employee_id) AS employee_id,
           string_agg(DISTINCT trim(role), ', ' ORDER BY trim(role)) AS role,
           bool_or(list_contains(getvariable('access.all_groups_roles')::VARCHAR[], lower(trim(role)))) AS allowed,
           -- flex workers and stand-ins (invalkracht, invaller, flexpool, oproepkracht) work in changing groups
           bool_or(regexp_matches(lower(coalesce(role, '') || ' ' || coalesce(groups, '')), 'flex|inval|oproep|stand-in|relief')) AS flex,
           CASE WHEN bool_or(employment_end IS NULL) THEN NULL ELSE max(employment_end) END AS employment_end,
           string_agg(groups, ',') AS groups,
           list_distinct(flatten(list(
               list_filter(list_transform(string_split_regex(lower(coalesce(groups, '')), '\s*[,;/]\s*|\s+(en|and)\s+'),
                           g -> regexp_replace(trim(g), '\s+', ' ', 'g')), g -> g <> '')))) AS own
    FROM staff GROUP BY trim(employee_id)
),
scoped AS (
    SELECT a.*, e.role, e.groups AS staff_groups, e.own,
           -- the groups as written (for the message), compared lower-case
           list_filter(list_transform(string_split_regex(a.access_scope, '(?i)\s*[,;/]\s*|\s+(en|and)\s+'),
                       g -> regexp_replace(trim(g), '\s+', ' ', 'g')), g -> g <> '') AS sees
    FROM accounts a
    JOIN employees e ON e.employee_id = trim(a.employee_id)
    WHERE a.active
      AND NOT coalesce(e.allowed, false)
      AND NOT coalesce(e.flex, false)
      AND NOT coalesce(e.employment_end < getvariable('as_of')::DATE, false)
      AND len(e.own) > 0
      AND nullif(trim(a.access_scope), '') IS NOT NULL
      -- all groups (or locations) is account_scope_exceeds_role's
      AND regexp_replace(lower(trim(a.access_scope)), '\s+', ' ', 'g') NOT IN ('all', 'alle groepen', 'alle', 'alles', '*', 'all groups',
          'alle locaties', 'all locations', 'alle groepen en locaties', 'alle locaties en groepen')
),
beyond AS (
    SELECT *, list_filter(sees, g -> NOT list_contains(own, lower(g)) AND lower(g) NOT IN ('eigen groep', 'eigen groepen', 'own group', 'own groups')) AS extra
    FROM scoped
)
SELECT
    'accounts' AS table_name,
    system || '/' || username AS record_key,
    _file, _row,
    'Het account in ' || system || ' ziet ook ' || array_to_string(extra, ', ')
        || ', maar de medewerker werkt volgens het personeelsbestand alleen in ' || staff_groups
        || ': beperk het account tot de groepen van de medewerker of werk het personeelsbestand bij.' AS message_nl,
    'The ' || system || ' account also sees ' || array_to_string(extra, ', ')
        || ', but according to the staff register the employee works only in ' || staff_groups
        || ': restrict the account to the employee''s groups or update the staff register.' AS message_en,
    system, employee_id, role, access_scope, staff_groups, array_to_string(extra, ', ') AS extra_groups
FROM beyond
WHERE len(extra) > 0
ORDER BY _file, _row
