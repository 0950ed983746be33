-- id: request_overdue
-- title.nl: Verzoek van een betrokkene niet op tijd beantwoord
-- title.en: Data subject request not answered in time
-- severity: high
-- area: rechten
-- source: AVG art. 12 lid 3 (antwoord binnen een maand; verlenging met twee maanden alleen met
--   melding binnen de eerste maand)
-- requires: requests
-- reads: requests(request_id, type?, received_at, extension_notified_at~, answered_at~)
-- impact: 3
-- impact.why.nl: ouders kunnen hun rechten (inzage, correctie, verwijdering) niet op tijd
--   uitoefenen
-- impact.why.en: parents cannot exercise their rights (access, correction, deletion) in time
-- population: requests
-- why.nl: Ouders en medewerkers hebben recht op inzage, correctie en verwijdering van hun gegevens.
--   Een verzoek moet binnen een maand na ontvangst worden beantwoord. Alleen als de organisatie de
--   verzoeker binnen die maand laat weten dat het langer duurt (met redenen), mag de termijn met twee
--   maanden worden verlengd; later dan drie maanden na ontvangst mag nooit.
-- why.en: Parents and staff have the right to access, correct and erase their data. A request must be
--   answered within one month of receipt. Only if the requester is told within that month (with
--   reasons) that it takes longer may the period be extended by two months; never beyond three months
--   after receipt.
-- fix.nl: Beantwoord open verzoeken direct en laat de verzoeker weten waarom het te laat is. Leg in het
--   register van verzoeken de datum van ontvangst, van een verlengingsmelding en van het antwoord vast,
--   en bewaak de termijn van een maand vanaf ontvangst.
-- fix.en: Answer open requests at once and tell the requester why it is late. Record in the request
--   register the dates of receipt, of any extension notice and of the answer, and monitor the
--   one-month deadline from receipt.
-- columns.nl: Soort verzoek, Ontvangen op, Uiterlijk antwoord op, Verlenging gemeld op, Beantwoord op, Probleem
-- columns.en: Request type, Received on, Answer due by, Extension notified on, Answered on, Problem
-- codes:
--   problem:
--     over_three_months: beantwoord na meer dan drie maanden | answered after more than three months
--     late_without_extension: te laat beantwoord zonder tijdige verlenging | answered late without a timely extension
--     open_overdue: onbeantwoord na de termijn | unanswered after the deadline
WITH settings AS (
    SELECT getvariable('as_of')::DATE AS as_of
),
dated AS (
    -- An answer dated after the reference date had not been given yet at it.
    SELECT r.*,
           (r.received_at + INTERVAL 1 MONTH)::DATE AS deadline1,
           (r.received_at + INTERVAL 3 MONTH)::DATE AS deadline3,
           CASE WHEN r.answered_at <= s.as_of THEN r.answered_at END AS answered,
           s.as_of
    FROM requests r, settings s
    WHERE r.received_at <= s.as_of
),
judged AS (
    SELECT *,
           extension_notified_at IS NOT NULL AND extension_notified_at <= deadline1 AS extended,
           CASE
               WHEN answered IS NOT NULL AND answered > deadline3 THEN 'over_three_months'
               WHEN answered IS NOT NULL AND answered > deadline1
                    AND (extension_notified_at IS NULL OR extension_notified_at > deadline1) THEN 'late_without_extension'
               WHEN answered IS NULL AND as_of > deadline3 THEN 'open_overdue'
               WHEN answered IS NULL AND as_of > deadline1
                    AND (extension_notified_at IS NULL OR extension_notified_at > deadline1) THEN 'open_overdue'
           END AS problem
    FROM dated
)
SELECT
    'requests' AS table_name,
    request_id AS record_key,
    _file, _row,
    'Verzoek ' || coalesce('(' || nullif(trim(type), '') || ') ', '') || 'ontvangen op ' || strftime(received_at, '%d-%m-%Y') ||
    CASE problem
        WHEN 'over_three_months' THEN ' is pas beantwoord op ' || strftime(answered, '%d-%m-%Y') ||
             ', later dan de uiterste termijn van drie maanden (' || strftime(deadline3, '%d-%m-%Y') || '); leg vast waarom en bewaak de termijn voortaan.'
        WHEN 'late_without_extension' THEN ' is beantwoord op ' || strftime(answered, '%d-%m-%Y') ||
             ', na de termijn van een maand (' || strftime(deadline1, '%d-%m-%Y') || '), zonder dat de verzoeker binnen die maand over verlenging is geïnformeerd; meld een verlenging voortaan binnen de eerste maand, met redenen.'
        WHEN 'open_overdue' THEN ' is nog niet beantwoord, terwijl de termijn verstreek op ' ||
             strftime(CASE WHEN extended THEN deadline3 ELSE deadline1 END, '%d-%m-%Y') ||
             CASE WHEN extended THEN ' (met verlenging)' ELSE ' (zonder tijdige verlengingsmelding)' END || '; beantwoord het direct.'
    END AS message_nl,
    'Request ' || coalesce('(' || nullif(trim(type), '') || ') ', '') || 'received on ' || strftime(received_at, '%Y-%m-%d') ||
    CASE problem
        WHEN 'over_three_months' THEN ' was only answered on ' || strftime(answered, '%Y-%m-%d') ||
             ', later than the maximum of three months (' || strftime(deadline3, '%Y-%m-%d') || '); record why and monitor the deadline from now on.'
        WHEN 'late_without_extension' THEN ' was answered on ' || strftime(answered, '%Y-%m-%d') ||
             ', after the one-month deadline (' || strftime(deadline1, '%Y-%m-%d') || '), without the requester being told of an extension within that month; from now on, notify an extension within the first month, with reasons.'
        WHEN 'open_overdue' THEN ' is still unanswered although the deadline passed on ' ||
             strftime(CASE WHEN extended THEN deadline3 ELSE deadline1 END, '%Y-%m-%d') ||
             CASE WHEN extended THEN ' (with extension)' ELSE ' (without a timely extension notice)' END || '; answer it at once.'
    END AS message_en,
    type, received_at,
    CASE WHEN extended THEN deadline3 ELSE deadline1 END AS due,
    extension_notified_at, answered_at, problem
FROM judged
WHERE problem IS NOT NULL
ORDER BY _file, _row
