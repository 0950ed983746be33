package queries

import "regexp"

// Macros are the SQL helpers every check may use; the audit creates them on
// its connection before the checks run:
//
//	valid_bsn(s)      true when s is 9 digits that pass the 11-check (values.ValidBSN)
//	admin_care_end()  table: per administration child_id the number of records
//	                  (one per location export) and care_end, the end of care
//	                  everywhere: NULL while care continues at any location,
//	                  else the last end date
var Macros = []string{
	`CREATE OR REPLACE TEMP MACRO valid_bsn(s) AS (
	CASE WHEN regexp_full_match(coalesce(s, ''), '[0-9]{9}') AND s <> '000000000' THEN
		(9 * CAST(s[1] AS INTEGER) + 8 * CAST(s[2] AS INTEGER) + 7 * CAST(s[3] AS INTEGER)
		 + 6 * CAST(s[4] AS INTEGER) + 5 * CAST(s[5] AS INTEGER) + 4 * CAST(s[6] AS INTEGER)
		 + 3 * CAST(s[7] AS INTEGER) + 2 * CAST(s[8] AS INTEGER) - CAST(s[9] AS INTEGER)) % 11 = 0
	ELSE false END)`,
	`CREATE OR REPLACE TEMP MACRO admin_care_end() AS TABLE
	SELECT child_id, count(*) AS records,
	       CASE WHEN bool_or(care_end IS NULL) THEN NULL ELSE max(care_end) END AS care_end
	FROM admin_children GROUP BY child_id`,
}

// macroReads lists the canonical tables each table macro reads, so a check
// using the macro counts as reading them (for warnings about rejected rows).
var macroReads = map[*regexp.Regexp][]string{
	regexp.MustCompile(`\badmin_care_end\s*\(`): {"admin_children"},
}
