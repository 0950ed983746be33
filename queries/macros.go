package queries

import (
	"fmt"
	"regexp"

	"github.com/avgaudit/avgaudit/model"
)

// Macros are the SQL helpers every check may use; the audit creates them on
// its connection before the checks run:
//
//	valid_bsn(s)      true when s is 9 digits that pass the 11-check (values.ValidBSN)
//	admin_care_end()  table: per administration child_id the number of records
//	                  (one per location export) and care_end, the end of care
//	                  everywhere: NULL while care continues at any location,
//	                  else the last end date
//	child_place()     table: per child_id known to any system the location
//	                  (from the administration) and group_name: the
//	                  administration's, else the parent portal's, else the
//	                  tracking system's
//	portal_child_place(), tracking_child_place()
//	                  table: per portal_child_id (tracking_child_id) the
//	                  location and group_name from the administration, the
//	                  group from the child's own record in the portal
//	                  (tracking system) where the administration has none or
//	                  does not know the child
//
// The administration's place of a child is that of its current record: the
// one still in care, else the one that ended last (then the latest start,
// then the first file and row). The helpers _admin_place, _portal_place and
// _tracking_place pick that record per key; checks use the three above.
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
	currentRecord("_admin_place", "child_id", "admin_children", "care_end", "care_start"),
	currentRecord("_portal_place", "portal_child_id", "portal_children", "placement_end", "placement_start"),
	currentRecord("_tracking_place", "tracking_child_id", "tracking_children", "archived_at", ""),
	`CREATE OR REPLACE TEMP MACRO child_place() AS TABLE
	SELECT ids.child_id, a.location, coalesce(a.group_name, p.group_name, t.group_name) AS group_name
	FROM (SELECT child_id FROM admin_children UNION SELECT child_id FROM portal_children
	      UNION SELECT child_id FROM tracking_children) ids
	LEFT JOIN _admin_place() a ON a.child_id = ids.child_id
	LEFT JOIN (SELECT child_id, arg_min(group_name, portal_child_id) AS group_name FROM _portal_place()
	           WHERE group_name IS NOT NULL GROUP BY child_id) p ON p.child_id = ids.child_id
	LEFT JOIN (SELECT child_id, arg_min(group_name, tracking_child_id) AS group_name FROM _tracking_place()
	           WHERE group_name IS NOT NULL GROUP BY child_id) t ON t.child_id = ids.child_id
	WHERE ids.child_id IS NOT NULL`,
	`CREATE OR REPLACE TEMP MACRO portal_child_place() AS TABLE
	SELECT c.portal_child_id, a.location, coalesce(a.group_name, c.group_name) AS group_name
	FROM _portal_place() c LEFT JOIN _admin_place() a ON a.child_id = c.child_id`,
	`CREATE OR REPLACE TEMP MACRO tracking_child_place() AS TABLE
	SELECT c.tracking_child_id, a.location, coalesce(a.group_name, c.group_name) AS group_name
	FROM _tracking_place() c LEFT JOIN _admin_place() a ON a.child_id = c.child_id`,
}

// currentRecord creates the table macro name(): per key of table the
// current record (end NULL, else the latest end; then the latest start, if
// the table has one; then the first file and row) with its child_id,
// location (NULL where the table has none) and group_name, blanks as NULL.
func currentRecord(name, key, table, end, start string) string {
	location := "NULL"
	if _, ok := mustTable(table).Column("location"); ok {
		location = "nullif(trim(location), '')"
	}
	order := end + " IS NULL DESC, " + end + " DESC, "
	if start != "" {
		order += start + " DESC NULLS LAST, "
	}
	return fmt.Sprintf(`CREATE OR REPLACE TEMP MACRO %s() AS TABLE
	SELECT * EXCLUDE (n) FROM (
		SELECT %s, child_id, %s AS location, nullif(trim(group_name), '') AS group_name,
		       row_number() OVER (PARTITION BY %s ORDER BY %s_file, _row) AS n
		FROM %s WHERE %s IS NOT NULL)
	WHERE n = 1`, name, key, location, key, order, table, key)
}

func mustTable(name string) *model.Table {
	t, ok := model.Lookup(name)
	if !ok {
		panic("queries: no canonical table " + name)
	}
	return t
}

// macroReads lists the canonical tables each table macro reads, so a check
// using the macro counts as reading them (for warnings about rejected rows).
// The place macros are left out on purpose: a rejected row of the tables
// they read costs a finding its location, never the finding itself.
var macroReads = map[*regexp.Regexp][]string{
	regexp.MustCompile(`\badmin_care_end\s*\(`): {"admin_children"},
}

// The columns the place macros read; see MacroColumns.
var (
	adminPlaceColumns    = []string{"admin_children.child_id", "admin_children.location", "admin_children.group_name", "admin_children.care_end", "admin_children.care_start"}
	portalPlaceColumns   = []string{"portal_children.portal_child_id", "portal_children.child_id", "portal_children.group_name", "portal_children.placement_end", "portal_children.placement_start"}
	trackingPlaceColumns = []string{"tracking_children.tracking_child_id", "tracking_children.child_id", "tracking_children.group_name", "tracking_children.archived_at"}
)

// MacroColumns lists the canonical columns (table.column) each table macro
// reads, so a check calling the macro counts as reading them: its reads
// header may name them, and the catalogue test creates them.
var MacroColumns = map[*regexp.Regexp][]string{
	regexp.MustCompile(`\badmin_care_end\s*\(`):       {"admin_children.child_id", "admin_children.care_end"},
	regexp.MustCompile(`\bchild_place\s*\(`):          concat(adminPlaceColumns, portalPlaceColumns, trackingPlaceColumns),
	regexp.MustCompile(`\bportal_child_place\s*\(`):   concat(portalPlaceColumns, adminPlaceColumns),
	regexp.MustCompile(`\btracking_child_place\s*\(`): concat(trackingPlaceColumns, adminPlaceColumns),
}

func concat(lists ...[]string) []string {
	var out []string
	for _, l := range lists {
		out = append(out, l...)
	}
	return out
}
