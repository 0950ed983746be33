-- id: retention_hr
-- title.nl: Gegevens van oud-medewerkers, sollicitanten of klachten na de bewaartermijn
-- title.en: Former staff, applicant or complaint data past the retention period
-- severity: medium
-- area: bewaartermijnen
-- source: AVG art. 5 lid 1 sub e; personeelsdossier 2 jaar na uitdiensttreding, sollicitanten 4 weken of
--   met toestemming 1 jaar (voormalig Vrijstellingsbesluit Wbp; AP); klachten 2 jaar na afhandeling (eigen
--   beleid: geen wettelijke termijn; retention.complaint_months)
-- requires: staff | applicants | complaints
-- reads: applicants(applicant_id, procedure_ended_at, keep_consent?), complaints(complaint_id, handled_at~), staff(employee_id, employment_end~)
-- impact: 3
-- impact.why.nl: personeelsdossiers (verzuim, beoordelingen), gegevens van sollicitanten en
--   klachten worden te lang bewaard; een klacht van een ouder gaat meestal over een kind en kan
--   details van de opvang van het kind bevatten
-- impact.why.en: personnel files (sickness, assessments), applicants' data and complaints kept too long; a parent's
--   complaint is usually about a child and may hold details of the child's care
-- population: staff
-- why.nl: Ook gegevens over medewerkers, sollicitanten en klachten mogen niet langer worden bewaard dan
--   nodig. Het personeelsdossier gaat 2 jaar na uitdiensttreding weg (loonbelastinggegevens blijven 7
--   jaar, de kopie van het identiteitsbewijs 5 jaar); gegevens van een sollicitant 4 weken na de
--   procedure, of na een jaar als de sollicitant toestemming gaf ze langer te bewaren; een klacht 2 jaar
--   na de afhandeling. Voor klachten geeft geen wet een termijn: de 2 jaar is een eigen keuze
--   (retention.complaint_months); een klacht gaat meestal over een kind.
-- why.en: Data about staff, applicants and complaints may not be kept longer than needed either. The
--   personnel file goes 2 years after leaving (payroll tax data stays 7 years, the copy of the ID 5
--   years); an applicant's data 4 weeks after the procedure, or after a year if the applicant consented
--   to keeping it longer; a complaint 2 years after it was handled. No law sets a period for complaints:
--   the 2 years are the organisation's own choice (retention.complaint_months); a complaint is usually
--   about a child.
-- fix.nl: Verwijder de gegevens die de melding noemt uit het register en de onderliggende dossiers,
--   mailboxen en mappen, of anonimiseer ze. Spreek af wie dit na uitdiensttreding, na een
--   sollicitatieprocedure en na het afhandelen van een klacht doet.
-- fix.en: Delete the data the finding names from the register and the underlying files, mailboxes and
--   folders, or anonymise it. Agree who does this after an employee leaves, after an application
--   procedure and after a complaint is handled.
-- columns.nl: Probleem, Termijn loopt vanaf, Bewaren tot en met
-- columns.en: Problem, Period runs from, Keep until
-- codes:
--   problem:
--     staff: personeelsdossier na de bewaartermijn | personnel file past its retention period
--     applicant: sollicitatiegegevens na de bewaartermijn | applicant data past its retention period
--     applicant_consent: sollicitatiegegevens na de termijn waarvoor toestemming is gegeven | applicant data past the period consented to
--     complaint: klacht na de bewaartermijn | complaint past its retention period
WITH settings AS (
    SELECT getvariable('retention.staff_months')::INTEGER AS staff_months,
           getvariable('retention.applicant_weeks')::INTEGER AS applicant_weeks,
           getvariable('retention.applicant_consent_months')::INTEGER AS consent_months,
           getvariable('retention.complaint_months')::INTEGER AS complaint_months
),
held AS (
    SELECT 'staff' AS table_name, employee_id AS record_key, _file, _row, 'staff' AS problem,
           employment_end AS start, (employment_end + to_months(staff_months))::DATE AS deadline,
           staff_months || ' maanden' AS period_nl, staff_months || ' months' AS period_en
    FROM staff, settings
    UNION ALL
    -- Without a recorded consent the short period applies.
    SELECT 'applicants', applicant_id, _file, _row,
           CASE WHEN keep_consent THEN 'applicant_consent' ELSE 'applicant' END,
           procedure_ended_at,
           CASE WHEN keep_consent THEN procedure_ended_at + to_months(consent_months)
                ELSE procedure_ended_at + to_weeks(applicant_weeks) END::DATE,
           CASE WHEN keep_consent THEN consent_months || ' maanden' ELSE applicant_weeks || ' weken' END,
           CASE WHEN keep_consent THEN consent_months || ' months' ELSE applicant_weeks || ' weeks' END
    FROM applicants, settings
    UNION ALL
    SELECT 'complaints', complaint_id, _file, _row, 'complaint',
           handled_at, (handled_at + to_months(complaint_months))::DATE,
           complaint_months || ' maanden', complaint_months || ' months'
    FROM complaints, settings
)
SELECT
    table_name, record_key, _file, _row,
    CASE problem
        WHEN 'staff' THEN 'Verwijder het personeelsdossier van deze oud-medewerker (bewaar alleen loonbelastinggegevens en de kopie van het identiteitsbewijs zolang de wet dat vraagt): uit dienst op '
        WHEN 'applicant' THEN 'Verwijder de gegevens van deze sollicitant, van wie geen toestemming is vastgelegd om ze langer te bewaren: procedure beëindigd op '
        WHEN 'applicant_consent' THEN 'Verwijder de gegevens van deze sollicitant, ook al gaf die toestemming om ze langer te bewaren: procedure beëindigd op '
        WHEN 'complaint' THEN 'Verwijder of anonimiseer deze klacht: afgehandeld op '
    END || strftime(start, '%d-%m-%Y') || ', bewaartermijn ' || period_nl || ', tot en met '
        || strftime(deadline, '%d-%m-%Y') || '.' AS message_nl,
    CASE problem
        WHEN 'staff' THEN 'Delete this former employee''s personnel file (keep only payroll tax data and the copy of the ID as long as the law requires): left on '
        WHEN 'applicant' THEN 'Delete the data of this applicant, who has no recorded consent to keeping it longer: procedure ended on '
        WHEN 'applicant_consent' THEN 'Delete the data of this applicant, even though they consented to keeping it longer: procedure ended on '
        WHEN 'complaint' THEN 'Delete or anonymise this complaint: handled on '
    END || strftime(start, '%Y-%m-%d') || ', retention period ' || period_en || ', until '
        || strftime(deadline, '%Y-%m-%d') || '.' AS message_en,
    problem, start, deadline
FROM held
WHERE deadline < getvariable('as_of')::DATE
ORDER BY table_name, _file, _row
