-- id: vve_transfer_missing
-- title.nl: VVE-kind naar de basisschool zonder overdracht van programma en duur
-- title.en: VVE child left for school without passing on programme and duration
-- severity: medium
-- area: overdracht
-- source: voorschoolse educatie (Wet kinderopvang art. 1.50b en het Besluit basisvoorwaarden kwaliteit
--   voorschoolse educatie) en de afspraken over de doorgaande lijn met gemeente en scholen: bij een VVE-kind
--   gaan het VVE-programma en de duur naar de basisschool, zonder dat daarvoor toestemming van de ouders nodig
--   is; leg vast op welke bepaling of gemeentelijke afspraak de overdracht steunt; privacystatement:
--   overdracht naar de basisschool
-- requires: tracking_children, tracking_transfers
-- reads: tracking_children(tracking_child_id, birth_date?, vve_indication, archived_at), tracking_transfers(tracking_child_id, vve_programme~, vve_duration~)
-- impact: 2
-- impact.why.nl: het kind mist mogelijk doorgaande ondersteuning op school; de privacyschade is
--   klein
-- impact.why.en: the child may miss continued support at school; the privacy harm is small
-- population: tracking_children
-- why.nl: Voor een kind met een VVE-indicatie moet bij het vertrek naar de basisschool worden
--   doorgegeven welk VVE-programma het kind volgde en hoe lang, zodat de school de ondersteuning kan
--   voortzetten. Dat hoort bij de voorschoolse educatie (de doorgaande lijn die de gemeente met
--   kinderopvang en scholen afspreekt): er is geen toestemming van de ouders voor nodig (voor andere
--   ontwikkelgegevens wel, zie transfer_without_consent). Leg vast op welke bepaling of afspraak met de
--   gemeente de overdracht steunt. Heeft de export van de overdrachten geen
--   kolom voor het programma of de duur, dan wordt de check niet uitgevoerd. De check kijkt naar VVE-kinderen die op of na de leeftijd van 3 jaar en 9 maanden
--   (of met onbekende geboortedatum) zijn vertrokken en meldt ze als er geen overdracht is vastgelegd,
--   of als geen enkele overdracht zowel het programma als de duur noemt.
-- why.en: For a child with a VVE (early childhood education) indication, the programme the child
--   followed and for how long must be passed on when the child leaves for primary school, so the school
--   can continue the support. That is part of early childhood education (the continuous line the
--   municipality agrees with childcare and schools): it needs no consent of the parents (other
--   development data does, see transfer_without_consent). Record which provision or agreement with the
--   municipality the transfer rests on. When the export of the transfers has no
--   column for the programme or the duration, the check is not run. The check looks at VVE children who left at or after the age of 3 years
--   and 9 months (or with an unknown birth date) and reports them when no transfer is recorded, or when
--   no transfer names both the programme and the duration.
-- fix.nl: Geef het VVE-programma en de duur alsnog door aan de basisschool (daarvoor is geen toestemming
--   nodig) en leg dat vast. Ging het kind niet naar een basisschool, leg dat vast bij het kind.
-- fix.en: Pass the VVE programme and duration on to the primary school after all (no consent is needed
--   for that) and record it. If the child did not go to a primary school, record that with the child.
-- columns.nl: Vertrokken op, Overdrachten, Probleem
-- columns.en: Left on, Transfers, Problem
-- codes:
--   problem:
--     no_transfer: geen overdracht naar de basisschool | no transfer to the primary school
--     programme_missing: VVE-programma of duur niet overgedragen | VVE programme or duration not passed on
WITH transfers AS (
    SELECT tracking_child_id, count(*) AS transfers,
           bool_or(trim(coalesce(vve_programme, '')) <> '' AND trim(coalesce(vve_duration, '')) <> '') AS complete
    FROM tracking_transfers
    GROUP BY tracking_child_id
),
judged AS (
    SELECT c.*, coalesce(t.transfers, 0) AS transfers,
           CASE WHEN t.tracking_child_id IS NULL THEN 'no_transfer'
                WHEN NOT t.complete THEN 'programme_missing'
           END AS problem
    FROM tracking_children c
    LEFT JOIN transfers t ON t.tracking_child_id = c.tracking_child_id
    WHERE c.vve_indication
      AND c.archived_at <= getvariable('as_of')::DATE
      -- school age: 3 years and 9 months
      AND (c.birth_date IS NULL OR c.archived_at >= c.birth_date + to_months(45))
)
SELECT
    'tracking_children' AS table_name,
    tracking_child_id AS record_key,
    _file, _row,
    'VVE-kind vertrokken op ' || strftime(archived_at, '%d-%m-%Y') ||
    CASE problem
        WHEN 'no_transfer' THEN ' zonder overdracht naar de basisschool: geef het VVE-programma en de duur alsnog door (daarvoor is geen toestemming nodig).'
        ELSE ', maar geen overdracht noemt zowel het VVE-programma als de duur: geef beide alsnog door aan de school.'
    END AS message_nl,
    'VVE child left on ' || strftime(archived_at, '%Y-%m-%d') ||
    CASE problem
        WHEN 'no_transfer' THEN ' without a transfer to the primary school: pass the VVE programme and duration on after all (no consent is needed for that).'
        ELSE ', but no transfer names both the VVE programme and the duration: pass both on to the school.'
    END AS message_en,
    p.location, p.group_name, archived_at, transfers, problem
FROM judged
LEFT JOIN tracking_child_place() p USING (tracking_child_id)
WHERE problem IS NOT NULL
ORDER BY _file, _row
