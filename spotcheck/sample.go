package spotcheck

import (
	"cmp"
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/avgaudit/avgaudit/model"
	"github.com/avgaudit/avgaudit/profiles"
	"github.com/avgaudit/avgaudit/queries"
	"github.com/avgaudit/avgaudit/results"
	"github.com/avgaudit/avgaudit/values"
	"github.com/avgaudit/avgaudit/vocab"
)

// Kinds of population a sample is drawn from.
const (
	KindCheck    = "check"    // the findings of one check
	KindTable    = "table"    // the rows of one canonical table
	KindFindings = "findings" // the findings of all checks
)

// Sample is a drawn sample, ready for the checklist.
type Sample struct {
	Kind string // KindCheck, KindTable or KindFindings
	// Name is the check id or the table name; empty for all findings.
	Name string
	// Title says what the check looks for; empty for a table or all findings.
	Title      results.Text
	Seed       uint64
	Size       int // the size asked for
	Population int // records in the population
	// Consent is set when the records rest on a parent's consent: the
	// checklist then asks whether the signed form is there.
	Consent bool
	// Columns head Record.Values: what the systems say about a record.
	Columns []results.Text
	Records []Record // in the order drawn
}

// All reports whether the sample holds the whole population (the size
// asked for is at least the population).
func (s *Sample) All() bool { return s.Size >= s.Population }

// Record is one sampled finding or table row and where it came from.
type Record struct {
	System string // admin, portal, tracking or register
	Table  string
	Key    string // the record key, BSN masked
	File   string // the export, with " [sheet]" for a workbook
	Row    int    // the row in the export; 0 when not known
	Child  string // the name of the child the record is about; "" if none
	Values []results.Text
}

// consentAreas are the check areas whose findings are about a permission
// of the parents.
var consentAreas = map[string]bool{"toestemming": true}

// consentTables are the tables whose records rest on the parents' consent.
var consentTables = map[string]bool{
	"portal_consents": true, "portal_photos": true, "social_posts": true, "tracking_transfers": true,
}

func consentCheck(c *results.Check) bool {
	return consentAreas[c.Area] || strings.Contains(c.ID, "consent")
}

// FromFindings draws size findings of the check checkID, or of all checks
// when checkID is empty, from run. A check that did not run or failed is
// an error when it is the one asked for; with all checks, its findings are
// simply not there (the CLI warns).
func FromFindings(run *results.Run, checkID string, size int, seed uint64) (*Sample, error) {
	if checkID == "" {
		return allFindings(run, size, seed), nil
	}
	i := slices.IndexFunc(run.Checks, func(c results.Check) bool { return c.ID == checkID })
	if i < 0 {
		return nil, vocab.Errorf("controle %s is niet uitgevoerd", "check %s was not run", checkID)
	}
	c := &run.Checks[i]
	switch c.Status {
	case results.StatusNotRun, results.StatusError:
		reason := vocab.Same(c.Status)
		if c.Reason != nil {
			reason = vocab.Text(*c.Reason)
		}
		return nil, vocab.Errorf("controle %s is niet uitgevoerd: %s", "check %s did not run: %s", c.ID, reason)
	}
	s := &Sample{
		Kind: KindCheck, Name: c.ID, Title: c.Title, Seed: seed, Size: size, Population: c.NFindings(),
		Consent: consentCheck(c),
		Columns: append([]results.Text{labelFinding}, c.ColumnLabels...),
	}
	for _, j := range Draw(c.NFindings(), size, seed) {
		f := c.FindingAt(j)
		r := findingRecord(f)
		r.Values = append(r.Values, f.Message)
		for i, v := range f.Values {
			r.Values = append(r.Values, valueText(c, i, v))
		}
		s.Records = append(s.Records, r)
	}
	return s, nil
}

// checkFinding is a finding with its check, for the population of all findings.
type checkFinding struct {
	check   *results.Check
	finding results.Finding
}

func allFindings(run *results.Run, size int, seed uint64) *Sample {
	var pop []checkFinding
	s := &Sample{Kind: KindFindings, Seed: seed, Size: size, Columns: []results.Text{labelCheck, labelFinding, labelDetails}}
	for i := range run.Checks {
		c := &run.Checks[i]
		for j := range c.NFindings() {
			pop = append(pop, checkFinding{c, c.FindingAt(j)})
		}
		s.Consent = s.Consent || (consentCheck(c) && c.NFindings() > 0)
	}
	// Each check's findings are in this order already; put all in one.
	slices.SortStableFunc(pop, func(a, b checkFinding) int {
		return cmp.Or(cmp.Compare(a.finding.File, b.finding.File), cmp.Compare(a.finding.Row, b.finding.Row),
			cmp.Compare(a.finding.Key, b.finding.Key))
	})
	s.Population = len(pop)
	for _, j := range Draw(len(pop), size, seed) {
		c, f := pop[j].check, pop[j].finding
		r := findingRecord(f)
		r.Values = []results.Text{
			{NL: c.Title.NL + " (" + c.ID + ")", EN: c.Title.EN + " (" + c.ID + ")"},
			f.Message,
			details(c, f),
		}
		s.Records = append(s.Records, r)
	}
	return s
}

// valueText is the i-th value v of a finding of c in both languages: a
// code (problem, category, ...) of a built-in check by its label, as the
// reports show it, anything else as it is.
func valueText(c *results.Check, i int, v string) results.Text {
	if i < len(c.Columns) {
		if label, ok := queries.CodeLabel(c.ID, c.Columns[i], v); ok {
			return label
		}
	}
	return same(v)
}

func findingRecord(f results.Finding) Record {
	return Record{System: f.System, Table: f.Table, Key: f.RecordKey, File: f.File, Row: f.Row, Child: f.ChildName}
}

// details lists a finding's values, one "heading: value" per line; empty
// values are left out.
func details(c *results.Check, f results.Finding) results.Text {
	var nl, en []string
	for i, v := range f.Values {
		if v == "" {
			continue
		}
		label := results.Text{NL: c.Columns[i], EN: c.Columns[i]}
		if i < len(c.ColumnLabels) {
			label = c.ColumnLabels[i]
		}
		text := valueText(c, i, v)
		nl = append(nl, label.NL+": "+text.NL)
		en = append(en, label.EN+": "+text.EN)
	}
	return results.Text{NL: strings.Join(nl, "\n"), EN: strings.Join(en, "\n")}
}

func same(s string) results.Text { return results.Text{NL: s, EN: s} }

// FromTable draws size rows of the canonical table from the loaded
// database on conn. The rows are ordered by source file, row and key
// before the draw; only the drawn rows are read. Columns without a value
// in any row of the table (not in the exports) are left out.
func FromTable(ctx context.Context, conn *sql.Conn, table string, size int, seed uint64) (*Sample, error) {
	t, ok := model.Lookup(table)
	if !ok {
		return nil, fmt.Errorf("no canonical table %q", table)
	}
	n, cols, err := filledColumns(ctx, conn, t)
	if err != nil {
		return nil, err
	}
	s := &Sample{Kind: KindTable, Name: t.Name, Seed: seed, Size: size, Population: n, Consent: consentTables[t.Name]}
	for _, c := range cols {
		s.Columns = append(s.Columns, columnHeading(t.Name, c.Name))
	}
	picks := Draw(n, size, seed)
	if len(picks) == 0 {
		return s, nil
	}
	byIndex, err := readRows(ctx, conn, t, cols, picks)
	if err != nil {
		return nil, err
	}
	for _, i := range picks {
		s.Records = append(s.Records, byIndex[i])
	}
	return s, nil
}

// filledColumns counts the table's rows and returns its columns that have
// a value in at least one row, in model order.
func filledColumns(ctx context.Context, conn *sql.Conn, t *model.Table) (int, []model.Column, error) {
	counts := make([]string, len(t.Columns))
	for i, c := range t.Columns {
		counts[i] = "count(" + c.Name + ")"
	}
	q := fmt.Sprintf("SELECT count(*), %s FROM %s", strings.Join(counts, ", "), t.Name)
	got := make([]int64, len(t.Columns)+1)
	ptrs := make([]any, len(got))
	for i := range got {
		ptrs[i] = &got[i]
	}
	if err := conn.QueryRowContext(ctx, q).Scan(ptrs...); err != nil {
		return 0, nil, fmt.Errorf("count the rows of %s: %w", t.Name, err)
	}
	var cols []model.Column
	for i, c := range t.Columns {
		if got[i+1] > 0 {
			cols = append(cols, c)
		}
	}
	return int(got[0]), cols, nil
}

// readRows reads the rows at the given places (0-based) of the table in
// the order source file, row, key, as records keyed by their place.
func readRows(ctx context.Context, conn *sql.Conn, t *model.Table, cols []model.Column, picks []int) (map[int]Record, error) {
	order := append([]string{model.FileColumn, model.RowColumn}, t.KeyColumns()...)
	selected := make([]string, 0, len(cols))
	for _, c := range cols {
		selected = append(selected, "CAST("+c.Name+" AS VARCHAR)")
	}
	keyCols := recordKeyColumns(t)
	for _, k := range keyCols {
		selected = append(selected, "CAST("+k+" AS VARCHAR)")
	}
	places := make([]string, len(picks))
	for i, p := range picks {
		places[i] = strconv.Itoa(p)
	}
	q := fmt.Sprintf("SELECT %s, _file, _row, _n FROM (SELECT *, row_number() OVER (ORDER BY %s) - 1 AS _n FROM %s) WHERE _n IN (%s)",
		strings.Join(selected, ", "), strings.Join(order, ", "), t.Name, strings.Join(places, ", "))
	rows, err := conn.QueryContext(ctx, q)
	if err != nil {
		return nil, fmt.Errorf("read the sampled rows of %s: %w", t.Name, err)
	}
	defer rows.Close()
	raw := make([]sql.NullString, len(selected))
	var (
		file   string
		row, n int64
	)
	ptrs := make([]any, 0, len(raw)+3)
	for i := range raw {
		ptrs = append(ptrs, &raw[i])
	}
	ptrs = append(ptrs, &file, &row, &n)
	out := make(map[int]Record, len(picks))
	for rows.Next() {
		if err := rows.Scan(ptrs...); err != nil {
			return nil, fmt.Errorf("read the sampled rows of %s: %w", t.Name, err)
		}
		r := Record{System: t.System, Table: t.Name, File: file, Row: int(row)}
		for i, c := range cols {
			r.Values = append(r.Values, cellText(c, raw[i]))
		}
		var key []string
		for _, k := range raw[len(cols):] {
			key = append(key, k.String)
		}
		r.Key = values.MaskBSNsInText(strings.Join(key, "/"))
		out[int(n)] = r
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read the sampled rows of %s: %w", t.Name, err)
	}
	return out, nil
}

// recordKeyColumns are the columns that name a row of t: its key, or for a
// table without one its required text columns (photo_id/portal_child_id),
// as the checks name such records.
func recordKeyColumns(t *model.Table) []string {
	if keys := t.KeyColumns(); len(keys) > 0 {
		return keys
	}
	var cols []string
	for _, c := range t.Columns {
		if c.Required && (c.Type == model.Text || c.Type == model.Enum) {
			cols = append(cols, c.Name)
		}
	}
	return cols
}

// acronyms are written in capitals in the English headings.
var acronyms = map[string]string{"id": "ID", "bsn": "BSN", "iban": "IBAN", "vve": "VVE", "dpia": "DPIA", "ap": "AP"}

// columnHeading heads a table column: in Dutch as the exports usually
// name it (the first header synonym), in English its canonical name as
// words ("birth_date" becomes "Birth date").
func columnHeading(table, column string) results.Text {
	words := strings.Split(column, "_")
	for i, w := range words {
		if a, ok := acronyms[w]; ok {
			words[i] = a
		}
	}
	en := strings.Join(words, " ")
	en = strings.ToUpper(en[:1]) + en[1:]
	nl := en
	if syn := profiles.Synonyms(table, column); len(syn) > 1 {
		nl = syn[1]
	}
	return results.Text{NL: nl, EN: en}
}

// cellText writes a value of a table column (as DuckDB casts it to text)
// for the checklist in both languages: dates as 01-09-2026 and 2026-09-01,
// yes/no as ja/nee and yes/no, amounts with a decimal comma in Dutch, a
// BSN masked, and BSN-like numbers in any text masked too.
func cellText(c model.Column, v sql.NullString) results.Text {
	if !v.Valid {
		return results.Text{}
	}
	s := v.String
	switch c.Type {
	case model.BSN:
		return same(values.MaskBSN(s))
	case model.Date:
		if d, err := time.Parse(time.DateOnly, s); err == nil {
			return results.Text{NL: d.Format("02-01-2006"), EN: d.Format(time.DateOnly)}
		}
	case model.Timestamp:
		if d, err := time.Parse("2006-01-02 15:04:05.999999999", s); err == nil {
			return results.Text{NL: d.Format("02-01-2006 15:04"), EN: d.Format("2006-01-02 15:04")}
		}
	case model.Bool:
		switch s {
		case "true":
			return results.Text{NL: "ja", EN: "yes"}
		case "false":
			return results.Text{NL: "nee", EN: "no"}
		}
	case model.Decimal:
		return results.Text{NL: strings.Replace(s, ".", ",", 1), EN: s}
	}
	return same(values.MaskBSNsInText(s))
}
