-- id: retention_invoices
-- title.nl: Factuur bewaard na de fiscale bewaartermijn
-- title.en: Invoice kept past the fiscal retention period
-- severity: medium
-- area: bewaartermijnen
-- source: AVG art. 5 lid 1 sub e (opslagbeperking); 7 jaar fiscale bewaarplicht (AWR art. 52 lid 4)
-- requires: admin_invoices
-- reads: admin_invoices(invoice_id, child_id?, invoice_date)
-- impact: 2
-- impact.why.nl: financiële gegevens van ouders worden na de fiscale termijn bewaard; weinig schade
--   behalve blootstelling bij een datalek
-- impact.why.en: financial data of parents kept past the fiscal period; little harm beyond exposure in a
--   breach
-- population: admin_invoices
-- why.nl: Facturen bevatten persoonsgegevens van ouders en kinderen. Ze moeten 7 jaar worden bewaard voor de
--   fiscale bewaarplicht, gerekend vanaf het einde van het jaar van de factuur, en daarna verwijderd: er
--   is dan geen grond meer om ze te bewaren.
-- why.en: Invoices hold personal data of parents and children. They must be kept for 7 years for the
--   fiscal retention duty, counted from the end of the invoice's year, and deleted afterwards: there is
--   no ground left to keep them.
-- fix.nl: Verwijder de factuur in de administratie (of laat de leverancier dat doen), of verwijder de
--   persoonsgegevens erin. Stel in dat facturen na de bewaartermijn per jaar automatisch worden opgeschoond.
-- fix.en: Delete the invoice in the administration (or have the vendor do it), or remove the personal data
--   in it. Make the administration purge invoices automatically, year by year, after the retention period.
-- columns.nl: Factuurdatum, Bewaren tot en met
-- columns.en: Invoice date, Keep until
WITH held AS (
    -- The fiscal period runs from the end of the invoice's year.
    SELECT invoice_id, child_id, _file, _row, invoice_date,
           getvariable('retention.invoice_years')::INTEGER AS years,
           (make_date(year(invoice_date), 12, 31) + to_years(getvariable('retention.invoice_years')::INTEGER))::DATE AS deadline
    FROM admin_invoices
)
SELECT
    'admin_invoices' AS table_name, invoice_id AS record_key, _file, _row,
    'Verwijder de factuur (of de persoonsgegevens erin): de fiscale bewaartermijn van ' || years
        || ' jaar na het factuurjaar ' || year(invoice_date) || ' liep tot en met ' || strftime(deadline, '%d-%m-%Y') || '.' AS message_nl,
    'Delete the invoice (or the personal data in it): the fiscal retention period of ' || years
        || ' years after the invoice year ' || year(invoice_date) || ' ran until ' || strftime(deadline, '%Y-%m-%d') || '.' AS message_en,
    a.location, a.group_name, invoice_date, deadline
FROM held
LEFT JOIN child_place() a USING (child_id)
WHERE deadline < getvariable('as_of')::DATE
ORDER BY _file, _row
