-- id: prk_link
-- title.nl: Personenregister Kinderopvang: niet (op tijd) gekoppeld of niet ontkoppeld na vertrek
-- title.en: Personenregister Kinderopvang: not linked (in time) or not unlinked after leaving
-- severity: high
-- area: toegang
-- source: Wet kinderopvang art. 1.48d (inschrijving in het personenregister kinderopvang; lid 3: de koppeling
--   aan de houder) en Besluit landelijk register kinderopvang; DUO, Personenregister kinderopvang: "inschrijven
--   en koppelen zijn voorwaarden om te mogen werken in de kinderopvang", en wie niet meer voor de organisatie
--   werkt, moet de houder ontkoppelen; AVG art. 5 lid 1 sub c en e (niet langer gekoppeld dan nodig);
--   beleid: prk.unlink_days (eigen keuze)
-- requires: prk_links
-- reads: prk_links(person_id, kind?~, work_start~, work_end~, linked_at~, unlinked_at?~), staff(employee_id, employment_start?, employment_end~)
-- impact: 3
-- impact.why.nl: iemand werkt met de kinderen zonder continu gescreend te worden, of een vertrokken
--   medewerker blijft zonder noodzaak voor de organisatie gescreend
-- impact.why.en: someone works with the children without being continuously screened, or a former worker stays
--   under screening for the organisation without need
-- population: prk_links
-- why.nl: Iedereen die bij de opvang werkt of er structureel aanwezig is - medewerkers, uitzendkrachten,
--   invallers, stagiairs en vrijwilligers - moet ingeschreven zijn in het Personenregister Kinderopvang en
--   door de houder gekoppeld zijn voordat hij of zij begint; pas dan wordt de persoon continu gescreend. Wie
--   vertrekt, moet de houder ontkoppelen: anders blijft de persoon voor de organisatie gescreend en in haar
--   overzicht staan zonder dat dat nodig is. Deze controle vergelijkt het overzicht van de koppelingen met de
--   werkperiode (uit het overzicht, anders uit het personeelsbestand) en meldt ook medewerkers die nu in
--   dienst zijn maar niet in het overzicht staan. Een koppeling op de eerste werkdag is op tijd. De wettelijke
--   toets (Wko art. 1.48d) is of iemand werkzaam is bij of structureel aanwezig is in het kindercentrum; of
--   iemand toegang heeft tot kindgegevens doet er niet toe. Wie nooit op een locatie werkt of er structureel
--   aanwezig is (bijvoorbeeld op het hoofdkantoor), hoeft niet gekoppeld te zijn; het personeelsbestand zegt
--   dat niet, dus die medewerkers worden als niet in het overzicht gemeld: controleer dat per persoon.
-- why.en: Everyone who works at the childcare or is there structurally - staff, agency workers, stand-ins,
--   interns and volunteers - must be registered in the Personenregister Kinderopvang and linked by the
--   organisation before they start; only then are they continuously screened. When someone leaves, the
--   organisation must unlink them: otherwise the person stays screened for the organisation and in its
--   overview without need. This check compares the overview of links with the working period (from the
--   overview, else from the staff register) and also reports employees in service now who are not in the
--   overview. A link on the first working day is in time. The legal test (Wko art. 1.48d) is whether someone
--   works at or is structurally present at the childcare centre; whether they can access children's data does
--   not matter. Someone who never works at or is structurally present at a location (at head office, say) need
--   not be linked; the staff register does not say so, so such employees are reported as not in the overview:
--   check each of them.
-- fix.nl: Koppel de persoon in het personenregister (eHerkenning) voordat hij of zij (weer) werkt, en zet
--   de persoon tot dan niet in; ontkoppel wie niet meer voor de organisatie werkt. Leg in de in- en uitdienstprocedure vast
--   wie koppelt en ontkoppelt.
-- fix.en: Link the person in the register (eHerkenning) before they work (again) and do not deploy them
--   until then; unlink whoever no longer works for the organisation. Record in the joining and leaving procedure
--   who links and unlinks.
-- columns.nl: Soort, Start werk, Einde werk, Gekoppeld op, Ontkoppeld op, Probleem
-- columns.en: Kind, Work start, Work end, Linked on, Unlinked on, Problem
-- codes:
--   problem:
--     not_linked: werkt, maar niet gekoppeld in het personenregister | working, but not linked in the register
--     linked_late: pas na de eerste werkdag gekoppeld | linked only after the first working day
--     still_linked: na vertrek nog gekoppeld | still linked after leaving
--     unlinked_late: te laat ontkoppeld | unlinked late
--     not_in_register: in dienst, niet in het overzicht van het personenregister | employed, not in the register's overview
--   worker_kind:
--     staff: medewerker | employee
--     temp: uitzend- of invalkracht | agency worker or stand-in
--     intern: stagiair | intern
--     volunteer: vrijwilliger | volunteer
WITH staff_dates AS (
    SELECT trim(employee_id) AS employee_id,
           min(employment_start) AS employment_start,
           CASE WHEN bool_or(employment_end IS NULL) THEN NULL ELSE max(employment_end) END AS employment_end
    FROM staff GROUP BY trim(employee_id)
),
people AS (
    SELECT r.person_id, r._file, r._row, coalesce(r.kind, CASE WHEN s.employee_id IS NOT NULL THEN 'staff' END) AS kind,
           coalesce(r.work_start, s.employment_start) AS work_start,
           CASE WHEN r.work_end IS NOT NULL THEN r.work_end
                WHEN r.work_start IS NULL THEN s.employment_end END AS work_end,
           r.linked_at, r.unlinked_at,
           getvariable('as_of')::DATE AS as_of
    FROM prk_links r
    LEFT JOIN staff_dates s ON s.employee_id = trim(r.person_id)
),
judged AS (
    SELECT *, 'not_linked' AS problem FROM people
    WHERE work_start <= as_of AND (work_end IS NULL OR work_end >= as_of)
      AND (linked_at IS NULL OR linked_at > as_of OR unlinked_at <= as_of)
    UNION ALL
    SELECT *, 'linked_late' AS problem FROM people
    WHERE linked_at > work_start AND linked_at <= as_of
    UNION ALL
    SELECT *, CASE WHEN unlinked_at IS NULL OR unlinked_at > as_of THEN 'still_linked' ELSE 'unlinked_late' END AS problem
    FROM people
    WHERE linked_at <= as_of AND work_end IS NOT NULL
      AND work_end + getvariable('prk.unlink_days')::INTEGER < as_of
      AND (unlinked_at IS NULL OR unlinked_at > work_end + getvariable('prk.unlink_days')::INTEGER)
),
missing AS (
    -- employees in service now who are not in the overview at all
    SELECT s.employee_id, st._file, st._row
    FROM staff_dates s
    JOIN (SELECT trim(employee_id) AS employee_id, min(_file) AS _file, min(_row) AS _row FROM staff GROUP BY trim(employee_id)) st USING (employee_id)
    WHERE s.employment_start <= getvariable('as_of')::DATE
      AND (s.employment_end IS NULL OR s.employment_end >= getvariable('as_of')::DATE)
      AND s.employee_id NOT IN (SELECT trim(person_id) FROM prk_links)
)
SELECT
    'prk_links' AS table_name, person_id AS record_key, _file, _row,
    CASE problem
        WHEN 'not_linked' THEN 'Werkt sinds ' || strftime(work_start, '%d-%m-%Y') || ' bij de organisatie maar is niet aan de organisatie gekoppeld in het personenregister: koppel de persoon en zet hem of haar tot dan niet in.'
        WHEN 'linked_late' THEN 'Begon op ' || strftime(work_start, '%d-%m-%Y') || ' maar werd pas op ' || strftime(linked_at, '%d-%m-%Y') || ' gekoppeld in het personenregister: koppel voortaan vóór de eerste werkdag.'
        WHEN 'still_linked' THEN 'Werkt sinds ' || strftime(work_end, '%d-%m-%Y') || ' niet meer bij de organisatie maar is nog gekoppeld in het personenregister: ontkoppel de persoon.'
        ELSE 'Stopte op ' || strftime(work_end, '%d-%m-%Y') || ' maar werd pas op ' || strftime(unlinked_at, '%d-%m-%Y') || ' ontkoppeld, later dan ' || getvariable('prk.unlink_days') || ' dagen: ontkoppel voortaan bij vertrek.'
    END AS message_nl,
    CASE problem
        WHEN 'not_linked' THEN 'Has worked for the organisation since ' || strftime(work_start, '%Y-%m-%d') || ' but is not linked to it in the register: link the person and do not deploy them until then.'
        WHEN 'linked_late' THEN 'Started on ' || strftime(work_start, '%Y-%m-%d') || ' but was linked in the register only on ' || strftime(linked_at, '%Y-%m-%d') || ': link before the first working day from now on.'
        WHEN 'still_linked' THEN 'Has not worked for the organisation since ' || strftime(work_end, '%Y-%m-%d') || ' but is still linked in the register: unlink the person.'
        ELSE 'Stopped on ' || strftime(work_end, '%Y-%m-%d') || ' but was unlinked only on ' || strftime(unlinked_at, '%Y-%m-%d') || ', later than ' || getvariable('prk.unlink_days') || ' days: unlink on leaving from now on.'
    END AS message_en,
    kind AS worker_kind, work_start, work_end, linked_at, unlinked_at, problem
FROM judged
UNION ALL
SELECT
    'staff', employee_id, _file, _row,
    'Is in dienst maar staat niet in het overzicht van het personenregister: laat de medewerker zich inschrijven en koppel hem of haar, of leg vast waarom dat niet nodig is.',
    'Is employed but not in the overview of the register: have the employee registered and link them, or record why that is not needed.',
    'staff', NULL, NULL, NULL, NULL, 'not_in_register'
FROM missing
ORDER BY 3, 4, 12
