package audit

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"

	"github.com/avgaudit/avgaudit/ingest"
	"github.com/avgaudit/avgaudit/model"
	"github.com/avgaudit/avgaudit/queries"
	"github.com/avgaudit/avgaudit/results"
	"github.com/avgaudit/avgaudit/values"
	"github.com/avgaudit/avgaudit/vocab"
)

// Link-match thresholds: a link column of an input with at least
// LinkMinValues distinct values of which less than LinkMinShare are keys
// of the table it refers to is keyed by another system's ids.
const (
	LinkMinValues = 10
	LinkMinShare  = 0.5
)

// linkSamples is how many unmatched values a warning shows.
const linkSamples = 3

// linkTarget is the key a link column refers to, and how to say so.
type linkTarget struct {
	table, column string
	what          vocab.Text // the values: "kindnummers"
	where         vocab.Text // the referenced records: "de kinderen van de administratie"
	fix           vocab.Text // what to map or supply instead
}

// linkTargets are the link columns by name: a column of this name in a
// table other than the target's refers to the target's key.
var linkTargets = map[string]linkTarget{
	"child_id": {"admin_children", "child_id",
		vocab.Text{NL: "kindnummers", EN: "child numbers"},
		vocab.Text{NL: "de kinderen van de administratie", EN: "the administration's children"},
		vocab.Text{NL: "koppel in het manifest de kolom die het kindnummer van de administratie bevat, of lever een koppelbestand met beide nummers (de kinderexport van het ouderportaal of kindvolgsysteem met het kindnummer van de administratie)",
			EN: "map in the manifest the column that holds the administration's child number, or supply a link file with both numbers (the parent portal's or tracking system's children export with the administration's child number)"}},
	"portal_child_id": {"portal_children", "portal_child_id",
		vocab.Text{NL: "kindnummers", EN: "child numbers"},
		vocab.Text{NL: "de kinderen van het ouderportaal", EN: "the parent portal's children"},
		vocab.Text{NL: "koppel in het manifest de kolom die het kindnummer van het ouderportaal bevat (hetzelfde nummer als in de kinderexport van het portaal)",
			EN: "map in the manifest the column that holds the parent portal's child number (the same number as in the portal's children export)"}},
	"tracking_child_id": {"tracking_children", "tracking_child_id",
		vocab.Text{NL: "kindnummers", EN: "child numbers"},
		vocab.Text{NL: "de kinderen van het kindvolgsysteem", EN: "the tracking system's children"},
		vocab.Text{NL: "koppel in het manifest de kolom die het kindnummer van het kindvolgsysteem bevat (hetzelfde nummer als in de kinderexport van dat systeem)",
			EN: "map in the manifest the column that holds the tracking system's child number (the same number as in that system's children export)"}},
	"guardian_id": {"admin_guardians", "guardian_id",
		vocab.Text{NL: "oudernummers", EN: "guardian numbers"},
		vocab.Text{NL: "de ouders van de administratie", EN: "the administration's parents"},
		vocab.Text{NL: "koppel in het manifest de kolom die het oudernummer van de administratie bevat",
			EN: "map in the manifest the column that holds the administration's guardian number"}},
	"employee_id": {"staff", "employee_id",
		vocab.Text{NL: "personeelsnummers", EN: "employee numbers"},
		vocab.Text{NL: "het personeelsbestand", EN: "the staff list"},
		vocab.Text{NL: "koppel in het manifest de kolom die het personeelsnummer van het personeelsbestand bevat, of lever een personeelsbestand met dezelfde nummers",
			EN: "map in the manifest the column that holds the staff list's employee number, or supply a staff list with the same numbers"}},
}

// linkMismatch is a link column of one input whose values are mostly not
// keys of the table it refers to: it holds another system's ids.
type linkMismatch struct {
	input         int // index in the inputs
	table, column string
	warning       results.Text // on the input: the share, examples and the fix
	flag          results.Text // on each check that reads the column
}

// checkLinks measures, for every loaded input and link column it fills,
// the share of its distinct non-empty values that are keys of the table
// the column refers to, and returns those below LinkMinShare (with at
// least LinkMinValues values), in input order. A referenced table without
// rows is not measured: checks that need it do not run.
func checkLinks(ctx context.Context, conn *sql.Conn, inputs []results.Input, cols []ingest.ColumnInfo) ([]linkMismatch, error) {
	var out []linkMismatch
	keys := map[string]int{} // rows of each referenced table
	for i, in := range inputs {
		if in.RowsLoaded < LinkMinValues {
			continue
		}
		t, ok := model.Lookup(in.Table)
		if !ok {
			continue
		}
		label := in.File
		if in.Sheet != "" {
			label = fmt.Sprintf("%s [%s]", in.File, in.Sheet)
		}
		for _, c := range t.Columns {
			lt, ok := linkTargets[c.Name]
			if !ok || lt.table == t.Name {
				continue
			}
			header := linkHeader(cols, in, label, c.Name)
			if header == "" { // the export does not fill it
				continue
			}
			n, seen := keys[lt.table]
			if !seen {
				if err := conn.QueryRowContext(ctx, "SELECT count(*) FROM "+lt.table).Scan(&n); err != nil {
					return nil, fmt.Errorf("count %s: %w", lt.table, err)
				}
				keys[lt.table] = n
			}
			if n == 0 {
				continue
			}
			m, err := measureLink(ctx, conn, t.Name, c.Name, label, lt)
			if err != nil {
				return nil, err
			}
			if m.values < LinkMinValues || float64(m.matched) >= LinkMinShare*float64(m.values) {
				continue
			}
			out = append(out, linkMismatch{input: i, table: t.Name, column: c.Name,
				warning: m.warning(label, header, t.Name, c.Name, lt), flag: m.flag(label, header, t.Name, c.Name, lt)})
		}
	}
	return out, nil
}

// linkHeader is the export header that fills column of the input (label),
// "" when none does.
func linkHeader(cols []ingest.ColumnInfo, in results.Input, label, column string) string {
	for _, c := range cols {
		if c.Table == in.Table && c.Column == column && (c.File == label || c.File == in.File) && c.Sheet == in.Sheet {
			return c.Header
		}
	}
	return ""
}

// linkMeasure is what one link column of one input holds.
type linkMeasure struct {
	values, matched int
	unmatched       []string // the first few, sorted
}

func measureLink(ctx context.Context, conn *sql.Conn, table, column, label string, lt linkTarget) (linkMeasure, error) {
	var m linkMeasure
	q := fmt.Sprintf(`WITH v AS (SELECT DISTINCT trim(%[2]s) AS v FROM %[1]s WHERE _file = ? AND trim(coalesce(%[2]s, '')) <> ''),
k AS (SELECT DISTINCT trim(%[4]s) AS k FROM %[3]s WHERE %[4]s IS NOT NULL)
SELECT count(*), count(k.k), coalesce(list(v.v ORDER BY v.v) FILTER (WHERE k.k IS NULL)[1:%[5]d], [])
FROM v LEFT JOIN k ON k.k = v.v`, table, column, lt.table, lt.column, linkSamples)
	var unmatched []any
	if err := conn.QueryRowContext(ctx, q, label).Scan(&m.values, &m.matched, &unmatched); err != nil {
		return m, fmt.Errorf("match %s.%s of %s with %s.%s: %w", table, column, label, lt.table, lt.column, err)
	}
	for _, u := range unmatched {
		if s, ok := u.(string); ok {
			m.unmatched = append(m.unmatched, values.MaskBSNsInText(s))
		}
	}
	return m, nil
}

// warning says what the measure shows and what to do, in both languages:
// "3 van 207 kindnummers in ouderapp_toestemmingen.csv ... komen voor in
// de kinderen van de administratie".
func (m linkMeasure) warning(label, header, table, column string, lt linkTarget) results.Text {
	var quoted []string
	for _, u := range m.unmatched {
		quoted = append(quoted, fmt.Sprintf("%q", u))
	}
	samples := strings.Join(quoted, ", ")
	return results.Text(vocab.Textf(
		"%d van %d %s in %s (kolom %q, %s.%s) komen voor in %s (%s.%s), bijvoorbeeld niet: %s. De kolom houdt waarschijnlijk de nummers van een ander systeem: controles die haar lezen geven dan onterechte bevindingen of missen echte; %s",
		"%d of %d %s in %s (column %q, %s.%s) occur in %s (%s.%s); not, for example: %s. The column probably holds another system's numbers: checks that read it then give false findings or miss real ones; %s",
		vocab.Count(m.matched), vocab.Count(m.values), lt.what, label, header, table, column, lt.where, lt.table, lt.column, samples, lt.fix))
}

// flag marks a check that reads the column as incomplete: the share and
// the fix, without the examples.
func (m linkMeasure) flag(label, header, table, column string, lt linkTarget) results.Text {
	return results.Text(vocab.Textf(
		"onvolledig: maar %d van %d %s in %s (kolom %q, %s.%s) komen voor in %s: bevindingen over deze kolom kunnen onterecht zijn en zonder bevindingen is de uitkomst niet te vertrouwen; %s",
		"incomplete: only %d of %d %s in %s (column %q, %s.%s) occur in %s: findings about this column may be false, and without findings the outcome cannot be trusted; %s",
		vocab.Count(m.matched), vocab.Count(m.values), lt.what, label, header, table, column, lt.where, lt.fix))
}

// flagLinks marks the checks that ran and read a mismatched link column
// as incomplete: their findings are kept, with the reason.
func flagLinks(out []results.Check, checks []queries.Check, mismatches []linkMismatch) {
	for i := range out {
		if !out[i].Ran() {
			continue
		}
		for _, m := range mismatches {
			reads := slices.ContainsFunc(checks[i].ColumnReads, func(r queries.ColumnRead) bool {
				return r.Table == m.table && (r.Column == m.column || slices.Contains(r.Either, m.column))
			})
			if reads {
				out[i].Warnings = append(out[i].Warnings, m.flag)
			}
		}
	}
}
