-- id: account_scope_exceeds_role
-- title.nl: Account ziet alle groepen terwijl de functie dat niet toestaat
-- title.en: Account sees all groups although the role does not allow it
-- severity: medium
-- area: toegang
-- source: AVG art. 5 lid 1 sub c (minimale gegevensverwerking) en art. 32 (toegang op basis van
--   noodzaak); privacybeleid: autorisatiematrix per functie (beleid: access.all_groups_roles, per systeem
--   access.all_groups_roles_by_system)
-- requires: accounts, staff
-- reads: accounts(system, username, employee_id, access_scope, active?), staff(employee_id, role)
-- impact: 3
-- impact.why.nl: collega's met een geheimhoudingsplicht zien meer kinderen dan nodig; de schade
--   groeit als het account wordt misbruikt of het wachtwoord uitlekt
-- impact.why.en: colleagues under a duty of confidentiality see more children than they need; the harm
--   grows when the account is misused or its password leaks
-- population: accounts
-- why.nl: Medewerkers horen alleen de gegevens te zien van de kinderen met wie zij werken, meestal die
--   van hun eigen groep. Alleen de functies die de autorisatiematrix daarvoor aanwijst (standaard
--   beheerder en administratie) mogen alle groepen zien. Verschilt dat per systeem (de administratie ziet
--   alle kinderen in de administratie, maar hoeft de observaties in het kindvolgsysteem niet te zien; een
--   pedagogisch coach juist wel), leg de matrix dan per systeem vast (access.all_groups_roles_by_system):
--   voor een systeem dat daar staat geldt alleen die lijst. Een ruimer account geeft onnodig toegang tot
--   gegevens van kinderen en ouders en vergroot de schade bij misbruik of een gelekt wachtwoord.
-- why.en: Staff should only see the data of the children they work with, usually those of their own
--   group. Only the roles the authorisation matrix names (by default administrator and administration)
--   may see all groups. Where that differs per system (the administration sees every child in the
--   administration but need not see the observations in the child-tracking system; a pedagogical coach
--   does), record the matrix per system (access.all_groups_roles_by_system): a system listed there uses only
--   its own list. A broader account gives needless access to children's and parents' data and
--   increases the harm of misuse or a leaked password.
-- fix.nl: Beperk het account tot de groep(en) van de medewerker, of leg vast waarom deze functie alle groepen
--   nodig heeft en neem de functie op in de autorisatiematrix (access.all_groups_roles, of per systeem
--   access.all_groups_roles_by_system in het beleidsbestand).
-- fix.en: Restrict the account to the employee's group(s), or record why this role needs all groups and
--   add the role to the authorisation matrix (access.all_groups_roles, or per system
--   access.all_groups_roles_by_system in the policy file).
-- columns.nl: Systeem, Medewerker, Functie, Toegang
-- columns.en: System, Employee, Role, Access
WITH matrix AS (
    -- "system=role" per system named in access.all_groups_roles_by_system
    SELECT split_part(e, '=', 1) AS system, substr(e, strpos(e, '=') + 1) AS role
    FROM (SELECT unnest(getvariable('access.all_groups_roles_by_system')::VARCHAR[]) AS e)
),
employees AS (
    -- An employee in several staff exports may hold one allowed role in any.
    SELECT trim(employee_id) AS employee_id,
           string_agg(DISTINCT trim(role), ', ' ORDER BY trim(role)) AS role,
           list_distinct(list(lower(trim(role)))) AS roles
    FROM staff GROUP BY trim(employee_id)
),
all_groups AS (
    SELECT * FROM accounts
    WHERE active
      -- all groups, or more: all locations (each with all its groups)
      AND regexp_replace(lower(trim(access_scope)), '\s+', ' ', 'g') IN ('all', 'alle groepen', 'alle', 'alles', '*', 'all groups',
          'alle locaties', 'all locations', 'alle groepen en locaties', 'alle locaties en groepen')
)
SELECT
    'accounts' AS table_name,
    a.system || '/' || a.username AS record_key,
    a._file, a._row,
    CASE WHEN e.role IS NULL
        THEN 'Het account in ' || a.system || ' ziet alle groepen, maar bij de medewerker is geen functie vastgelegd die dat volgens de autorisatiematrix toestaat; beperk het account tot de eigen groep(en) of vul de functie in.'
        ELSE 'Het account in ' || a.system || ' ziet alle groepen, maar de functie ' || lower(e.role) || ' mag dat volgens de autorisatiematrix niet; beperk het account tot de eigen groep(en).'
    END AS message_nl,
    CASE WHEN e.role IS NULL
        THEN 'The ' || a.system || ' account sees all groups, but the employee has no role recorded that the authorisation matrix allows this; restrict the account to the employee''s own group(s) or fill in the role.'
        ELSE 'The ' || a.system || ' account sees all groups, but the authorisation matrix does not allow that for the role ' || lower(e.role) || '; restrict the account to the employee''s own group(s).'
    END AS message_en,
    a.system, a.employee_id, e.role, a.access_scope
FROM all_groups a
JOIN employees e ON e.employee_id = trim(a.employee_id)
WHERE NOT CASE
    -- a system with its own matrix uses only that one
    WHEN EXISTS (SELECT 1 FROM matrix m WHERE m.system = lower(trim(a.system)))
        THEN EXISTS (SELECT 1 FROM matrix m WHERE m.system = lower(trim(a.system)) AND m.role <> '' AND list_contains(e.roles, m.role))
    ELSE len(list_intersect(e.roles, getvariable('access.all_groups_roles')::VARCHAR[])) > 0
END
ORDER BY a._file, a._row
