package audit

import (
	"cmp"
	"context"
	"database/sql"
	"fmt"
	"math/big"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	duckdb "github.com/duckdb/duckdb-go/v2"

	"github.com/avgaudit/avgaudit/model"
	"github.com/avgaudit/avgaudit/policy"
	"github.com/avgaudit/avgaudit/queries"
	"github.com/avgaudit/avgaudit/results"
	"github.com/avgaudit/avgaudit/values"
	"github.com/avgaudit/avgaudit/vocab"
)

// SetVariables makes the reference date, the policy settings and the helper
// macros available to the checks as DuckDB variables on conn.
func SetVariables(ctx context.Context, conn *sql.Conn, asOf time.Time, pol policy.Policy) error {
	stmts := []string{fmt.Sprintf("SET VARIABLE as_of = DATE '%s'", asOf.Format(time.DateOnly))}
	stmts = append(stmts, queries.Macros...)
	for _, p := range pol.Params() {
		stmts = append(stmts, fmt.Sprintf("SET VARIABLE %q = %s", p.Name, p.SQL()))
		if p.OldName != "" { // settings added after the one spelling have no old name
			stmts = append(stmts, fmt.Sprintf("SET VARIABLE %s = %s", p.OldName, p.SQL())) // deprecated spelling, for older own checks
		}
	}
	for _, s := range stmts {
		if _, err := conn.ExecContext(ctx, s); err != nil {
			return fmt.Errorf("set %s: %w", s, err)
		}
	}
	return nil
}

// supply is what the load delivered per canonical table.
type supply struct {
	usable   map[string]bool // rows were loaded, or the export was empty
	read     map[string]int
	rejected map[string]int
}

func supplyOf(inputs []results.Input) supply {
	s := supply{usable: map[string]bool{}, read: map[string]int{}, rejected: map[string]int{}}
	for _, in := range inputs {
		s.read[in.Table] += in.RowsRead
		s.rejected[in.Table] += in.RowsRejected
		if in.RowsLoaded > 0 {
			s.usable[in.Table] = true
		}
	}
	for t, n := range s.read {
		if n == 0 { // an empty export: the table was supplied and has no records
			s.usable[t] = true
		}
	}
	return s
}

// notRunReason explains which required data is missing, in both languages.
func (s supply) notRunReason(missing [][]string) *results.Text {
	var nl, en []string
	for _, group := range missing {
		var all []string
		for _, t := range group {
			if s.read[t] > 0 {
				all = append(all, t)
			}
		}
		if len(all) > 0 {
			nl = append(nl, "alle rijen van "+strings.Join(all, " en ")+" zijn afgewezen bij het inlezen")
			en = append(en, "all rows of "+strings.Join(all, " and ")+" were rejected at loading")
			continue
		}
		if len(group) > 3 {
			nl = append(nl, "geen gegevens voor een van deze tabellen: "+strings.Join(group, ", "))
			en = append(en, "no data for any of these tables: "+strings.Join(group, ", "))
			continue
		}
		nl = append(nl, "geen gegevens voor "+strings.Join(group, " of "))
		en = append(en, "no data for "+strings.Join(group, " or "))
	}
	return &results.Text{NL: strings.Join(nl, "; "), EN: strings.Join(en, "; ")}
}

// warnings name the tables the check reads that lost rows at loading.
func (s supply) warnings(c *queries.Check) []results.Text {
	out := []results.Text{}
	for _, t := range c.Reads {
		if n := s.rejected[t]; n > 0 {
			nl, en := "%d rijen van %s afgewezen bij het inlezen: de uitkomst kan onvolledig zijn",
				"%d rows of %s rejected at loading: the outcome may be incomplete"
			if n == 1 {
				nl, en = "%d rij van %s afgewezen bij het inlezen: de uitkomst kan onvolledig zijn",
					"%d row of %s rejected at loading: the outcome may be incomplete"
			}
			out = append(out, results.Text(vocab.Textf(nl, en, vocab.Count(n), t)))
		}
	}
	return out
}

// RunChecks runs every check on conn (where SetVariables was called) and
// returns their outcomes in the order given. A check whose required tables
// were not supplied (or lost all their rows to rejects) is not run; a check
// reading a table that lost some rows carries a warning; a check whose SQL
// fails is reported as failed without stopping the others. A check that ran
// carries the start of its risk score: its impact and the size of its
// population; scoring the likelihood is left to the risk package.
func RunChecks(ctx context.Context, conn *sql.Conn, checks []queries.Check, inputs []results.Input) ([]results.Check, error) {
	return RunChecksTo(ctx, conn, checks, inputs, nil)
}

// RunChecksTo is RunChecks keeping the findings in store
// (results.Check.Stored) rather than in memory; nil keeps them in memory.
func RunChecksTo(ctx context.Context, conn *sql.Conn, checks []queries.Check, inputs []results.Input, store *results.Store) ([]results.Check, error) {
	sup := supplyOf(inputs)
	cols := newColumnSupply(conn)
	out := make([]results.Check, 0, len(checks))
	for i := range checks {
		c := &checks[i]
		rc := results.Check{
			ID: c.ID, Title: c.Title, Severity: c.Severity, Area: c.Area, Source: c.Source,
			Why: c.Why, Fix: c.Fix, Columns: []string{}, ColumnLabels: []results.Text{}, Findings: []results.Finding{},
			Warnings: []results.Text{},
		}
		if c.Err != nil {
			rc.Status = results.StatusError
			rc.Reason = failure(c.Err)
			out = append(out, rc)
			continue
		}
		if missing := c.Missing(sup.usable); len(missing) > 0 {
			rc.Status = results.StatusNotRun
			rc.Reason = sup.notRunReason(missing)
			out = append(out, rc)
			continue
		}
		reason, incomplete, err := columnGaps(ctx, cols, c, sup.usable)
		if err != nil {
			return nil, err
		}
		if reason != nil { // never "passed" for want of a column
			rc.Status = results.StatusNotRun
			rc.Reason = reason
			out = append(out, rc)
			continue
		}
		rc.Warnings = append(sup.warnings(c), incomplete...)
		for _, d := range policy.DeprecatedNames(c.SQL) {
			old, now, _ := strings.Cut(d, " -> ")
			rc.Warnings = append(rc.Warnings, results.Text{
				NL: fmt.Sprintf("leest de instelling met haar oude naam getvariable('%s'); die werkt nog, maar verdwijnt in een volgende versie: schrijf getvariable('%s')", old, now),
				EN: fmt.Sprintf("reads the setting by its old name getvariable('%s'); it still works but will go in a later version: write getvariable('%s')", old, now),
			})
		}
		if err := execute(ctx, conn, c, &rc, store); err != nil {
			if ctx.Err() != nil {
				return nil, ctx.Err()
			}
			rc.Status = results.StatusError
			rc.Reason = failure(err)
		}
		out = append(out, rc)
	}
	return out, nil
}

// execute runs c and fills in rc its columns, findings, risk and status;
// on an error rc is left as it was.
func execute(ctx context.Context, conn *sql.Conn, c *queries.Check, rc *results.Check, store *results.Store) error {
	own, findings, stored, unjudged, err := runCheck(ctx, conn, c, store)
	if err != nil {
		return err
	}
	cols, labels, err := columnLabels(c, own)
	if err != nil {
		return err
	}
	risk, err := checkRisk(ctx, conn, c)
	if err != nil {
		return err
	}
	rc.Columns, rc.ColumnLabels, rc.Findings, rc.Risk = cols, labels, findings, risk
	if stored != nil {
		rc.Findings, rc.Stored = nil, stored
	}
	said := map[results.Text]bool{}
	for _, u := range unjudged {
		rc.NotJudged += u.n
		if said[u.msg] { // one reason, written once
			continue
		}
		said[u.msg] = true
		if len(said) > maxNotJudgedSaid {
			continue
		}
		rc.Warnings = append(rc.Warnings, results.Text{NL: "niet beoordeeld: " + u.msg.NL, EN: "not judged: " + u.msg.EN})
	}
	if n := len(said) - maxNotJudgedSaid; n > 0 {
		rc.Warnings = append(rc.Warnings, results.Text(vocab.Textf("niet beoordeeld: nog %d {andere reden|andere redenen}; in totaal %d {record|records} niet beoordeeld",
			"not judged: %d more {reason|reasons}; %d {record|records} not judged in all", vocab.Count(n), vocab.Count(rc.NotJudged))))
	}
	rc.Status = results.StatusPassed
	if rc.NFindings() > 0 {
		rc.Status = results.StatusFindings
	}
	return nil
}

// checkRisk is the part of a check's risk its metadata gives: the impact
// (queries.DefaultImpact when the header names none) and the number of
// rows in its population table (0 when it names none).
func checkRisk(ctx context.Context, conn *sql.Conn, c *queries.Check) (*results.Risk, error) {
	r := &results.Risk{Impact: c.Impact, ImpactSource: "check", FixedLikelihood: c.Likelihood}
	if r.Impact == 0 {
		r.Impact = queries.DefaultImpact
	}
	if c.ImpactWhy.NL != "" && c.Impact > 0 {
		r.ImpactWhy = &results.Text{NL: c.ImpactWhy.NL, EN: c.ImpactWhy.EN}
	}
	if c.LikelihoodWhy.NL != "" {
		r.FixedLikelihoodWhy = &results.Text{NL: c.LikelihoodWhy.NL, EN: c.LikelihoodWhy.EN}
	}
	if c.Population == "" || c.Population == queries.NoPopulation {
		return r, nil
	}
	if _, ok := model.Lookup(c.Population); !ok { // Parse allows only canonical tables
		return nil, vocab.Errorf("%s: population %q is geen tabel van het model", "%s: population %q is not a canonical table", c.File, c.Population)
	}
	count := "count(*)"
	if c.PopulationSubject != "" { // data subjects, not rows
		count = "count(DISTINCT " + c.PopulationSubject + ")"
	}
	if err := conn.QueryRowContext(ctx, "SELECT "+count+" FROM "+c.Population).Scan(&r.Population); err != nil {
		return nil, fmt.Errorf("%s: count the population %s: %w", c.File, c.Population, err)
	}
	return r, nil
}

// maxNotJudgedSaid is how many different reasons for records not judged
// a check's warnings spell out; a check that marks every record on its own
// row gets the rest counted in one more warning.
const maxNotJudgedSaid = 10

// unjudged is a row a check marked as not judged (queries.ColNotJudged):
// n records it could not judge, and why.
type unjudged struct {
	n    int
	file string
	row  int
	msg  results.Text
}

// notJudgedCount reads a not_judged value: how many records the row
// stands for (0 for a finding).
func notJudgedCount(v any) (int, bool) {
	switch x := v.(type) {
	case nil:
		return 0, true
	case bool:
		if x {
			return 1, true
		}
		return 0, true
	case int64:
		return int(x), x >= 0
	case int32:
		return int(x), x >= 0
	case int16:
		return int(x), x >= 0
	case int8:
		return int(x), x >= 0
	case int:
		return x, x >= 0
	case uint64:
		return int(x), true
	case uint32:
		return int(x), true
	case uint16:
		return int(x), true
	case uint8:
		return int(x), true
	case *big.Int:
		return int(x.Int64()), x.Sign() >= 0 && x.IsInt64()
	}
	return 0, false
}

// runCheck runs c's query and returns the query's own columns (all but the
// required ones, in order), its findings, in memory or in a segment of
// store when it is not nil, and the rows it marked as not judged (sorted
// by file, row and message).
func runCheck(ctx context.Context, conn *sql.Conn, c *queries.Check, store *results.Store) (own []string, findings []results.Finding, stored *results.Segment, notJudged []unjudged, err error) {
	rows, err := conn.QueryContext(ctx, c.SQL)
	if err != nil {
		return nil, nil, nil, nil, sqlError(c, err)
	}
	defer rows.Close()
	names, err := rows.Columns()
	if err != nil {
		return nil, nil, nil, nil, err
	}
	idx := map[string]int{}
	for i, n := range names {
		idx[n] = i
	}
	for _, want := range queries.RequiredColumns {
		if _, ok := idx[want]; !ok {
			return nil, nil, nil, nil, vocab.Errorf("%s:%d: de query moet een kolom %q opleveren (elke controle levert %s)", "%s:%d: the query must return a column %q (every check returns %s)", c.File, c.SQLLine, want, strings.Join(queries.RequiredColumns, ", "))
		}
	}
	// own are the query's own columns, in order; extra those of them that
	// become the finding's values (all but the reserved ones).
	own = []string{}
	var extra []int
	for i, n := range names {
		if isRequired(n) {
			continue
		}
		own = append(own, n)
		if !isReserved(n) {
			extra = append(extra, i)
		}
	}
	raw := make([]any, len(names))
	ptrs := make([]any, len(names))
	for i := range raw {
		ptrs[i] = &raw[i]
	}
	// With a store, the findings go there as they are read, and only what
	// orders them is kept (see sortKey).
	var w *results.SegmentWriter
	var order []sortKey
	if store != nil {
		w = store.NewSegment()
	}
	// The texts many findings repeat (file, table, location, group) are
	// held once: with many findings they are a good part of the memory.
	shared := map[string]string{}
	intern := func(s string) string {
		if v, ok := shared[s]; ok {
			return v
		}
		if len(shared) < 1<<16 {
			shared[s] = s
		}
		return s
	}
	for rows.Next() {
		if err := rows.Scan(ptrs...); err != nil {
			return nil, nil, nil, nil, fmt.Errorf("%s: read result: %w", c.File, err)
		}
		text := func(col string) string { return format(col, raw[idx[col]]) }
		if i, ok := idx[queries.ColNotJudged]; ok {
			n, valid := notJudgedCount(raw[i])
			if !valid {
				return nil, nil, nil, nil, vocab.Errorf("%s:%d: kolom %s moet een aantal (0 of meer) of true/false zijn, niet %v", "%s:%d: column %s must be a count (0 or more) or true/false, not %v",
					c.File, c.SQLLine, queries.ColNotJudged, raw[i])
			}
			if n > 0 {
				row, _ := strconv.Atoi(text(model.RowColumn))
				notJudged = append(notJudged, unjudged{n: n, file: text(model.FileColumn), row: row,
					msg: results.Text{NL: text(queries.ColMessageNL), EN: text(queries.ColMessageEN)}})
				continue
			}
		}
		table := intern(text(queries.ColTable))
		f := results.Finding{
			Table:     table,
			RecordKey: text(queries.ColRecordKey),
			File:      intern(text(model.FileColumn)),
			Message:   results.Text{NL: text(queries.ColMessageNL), EN: text(queries.ColMessageEN)},
			Values:    make([]string, len(extra)),
		}
		f.Row, _ = strconv.Atoi(text(model.RowColumn))
		if _, ok := idx[queries.ColLocation]; ok {
			f.Location = intern(text(queries.ColLocation))
		}
		if _, ok := idx[queries.ColGroup]; ok {
			f.Group = intern(text(queries.ColGroup))
		}
		if _, ok := idx[queries.ColSubject]; ok && c.PopulationSubject != "" { // subjects count only against a population of subjects
			f.Subject = text(queries.ColSubject)
		}
		if t, ok := model.Lookup(table); ok {
			f.System = t.System
		}
		f.Key = c.ID + "|" + f.Table + "|" + f.RecordKey
		for j, i := range extra {
			f.Values[j] = intern(format(names[i], raw[i]))
		}
		if w != nil {
			order = append(order, sortKey{file: f.File, row: f.Row, key: f.Key, i: len(order)})
			if err := w.Add(&f); err != nil {
				return nil, nil, nil, nil, err
			}
			continue
		}
		findings = append(findings, f)
	}
	if err := rows.Err(); err != nil {
		return nil, nil, nil, nil, sqlError(c, err)
	}
	slices.SortFunc(notJudged, func(a, b unjudged) int {
		return cmp.Or(strings.Compare(a.file, b.file), cmp.Compare(a.row, b.row), strings.Compare(a.msg.NL, b.msg.NL), strings.Compare(a.msg.EN, b.msg.EN))
	})
	if w != nil {
		stored, err := ordered(w, order)
		return own, nil, stored, notJudged, err
	}
	// Deterministic order whatever the query's ORDER BY.
	sort.SliceStable(findings, func(i, j int) bool {
		return less(&findings[i].File, findings[i].Row, &findings[i].Key, &findings[j].File, findings[j].Row, &findings[j].Key)
	})
	seen := map[string]int{}
	for i := range findings {
		findings[i].Key = uniqueKey(seen, findings[i].Key)
	}
	if findings == nil {
		findings = []results.Finding{}
	}
	if cap(findings)-len(findings) > len(findings)/8 {
		findings = slices.Clip(slices.Clone(findings)) // not the slack of append's doubling
	}
	return own, findings, nil, notJudged, nil
}

// less orders findings: by file, row and key.
func less(fa *string, ra int, ka *string, fb *string, rb int, kb *string) bool {
	if *fa != *fb {
		return *fa < *fb
	}
	if ra != rb {
		return ra < rb
	}
	return *ka < *kb
}

// uniqueKey numbers the repeats of a key, in the findings' order. Keys
// identify findings across runs. Masking can make two keys equal (two
// record keys that are BSNs ending in the same digits); numbered, every
// key in a run stays unique.
func uniqueKey(seen map[string]int, k string) string {
	if seen[k]++; seen[k] > 1 {
		return fmt.Sprintf("%s#%d", k, seen[k])
	}
	return k
}

// sortKey is what orders a finding kept in a store: its file, row and key,
// and i, its place in the query's result.
type sortKey struct {
	file string
	row  int
	key  string
	i    int
}

// ordered ends w, whose findings were added in the query's order (order),
// and returns them in runCheck's order with their keys made unique: the
// segment itself when that changes nothing, else a new one.
func ordered(w *results.SegmentWriter, order []sortKey) (*results.Segment, error) {
	seg, err := w.Done()
	if err != nil {
		return nil, err
	}
	sort.SliceStable(order, func(i, j int) bool {
		a, b := &order[i], &order[j]
		return less(&a.file, a.row, &a.key, &b.file, b.row, &b.key)
	})
	seen := map[string]int{}
	same := true
	for j := range order {
		k := uniqueKey(seen, order[j].key)
		same = same && k == order[j].key && order[j].i == j
		order[j].key = k
	}
	if same {
		return seg, nil
	}
	out := w.Store().NewSegment()
	for _, o := range order {
		f := seg.At(o.i)
		f.Key = o.key
		if err := out.Add(&f); err != nil {
			return nil, err
		}
	}
	return out.Done()
}

// duckDBLine finds the line DuckDB names in a parser or binder error.
var duckDBLine = regexp.MustCompile(`LINE (\d+): `)

// sqlError places DuckDB's error in c's file: "file:line: message", with
// DuckDB's "LINE n:" (counted in the query) turned into the file's line and
// the caret under it moved along.
func sqlError(c *queries.Check, err error) error {
	msg := err.Error()
	loc := duckDBLine.FindStringSubmatchIndex(msg)
	if loc == nil {
		return fmt.Errorf("%s:%d: %w", c.File, c.SQLLine, err)
	}
	n, _ := strconv.Atoi(msg[loc[2]:loc[3]])
	line := c.SQLLine + n - 1
	label := fmt.Sprintf("line %d: ", line)
	rest := msg[loc[1]:]
	if nl := strings.IndexByte(rest, '\n'); nl >= 0 && len(label) > loc[1]-loc[0] {
		rest = rest[:nl+1] + strings.Repeat(" ", len(label)-(loc[1]-loc[0])) + rest[nl+1:]
	}
	return fmt.Errorf("%s:%d: %s", c.File, line, msg[:loc[0]]+label+rest)
}

// failure is the reason of a check that failed.
func failure(err error) *results.Text {
	return &results.Text{NL: "de controle is mislukt: " + vocab.Message(err, "nl"), EN: "the check failed: " + err.Error()}
}

// columnLabels splits the query's own columns into those shown with each
// finding (all but the reserved ones) and pairs them with the header's
// headings, or with their names when the header gives none. The headings
// may leave out the reserved columns or, as a check written before they
// were reserved does, head them too: then those headings are dropped.
func columnLabels(c *queries.Check, own []string) ([]string, []results.Text, error) {
	cols := slices.DeleteFunc(slices.Clone(own), isReserved)
	switch n := len(c.ColumnLabels); {
	case c.ColumnLabels == nil:
		labels := make([]results.Text, len(cols))
		for i, name := range cols {
			labels[i] = results.Text{NL: name, EN: name}
		}
		return cols, labels, nil
	case n == len(cols):
		return cols, c.ColumnLabels, nil
	case n == len(own):
		labels := []results.Text{}
		for i, name := range own {
			if !isReserved(name) {
				labels = append(labels, c.ColumnLabels[i])
			}
		}
		return cols, labels, nil
	}
	return nil, nil, vocab.Errorf("%s: columns.nl/columns.en geven %d kopjes, maar de query levert %d eigen kolommen (%s); %s hebben geen kopje nodig",
		"%s: columns.nl/columns.en give %d headings, but the query returns %d columns of its own (%s); %s need no heading",
		c.File, len(c.ColumnLabels), len(cols), strings.Join(cols, ", "), strings.Join(queries.ReservedColumns, ", "))
}

func isRequired(col string) bool { return slices.Contains(queries.RequiredColumns, col) }

func isReserved(col string) bool { return slices.Contains(queries.ReservedColumns, col) }

// format renders a result value as report text. BSNs are masked here, at
// the single point where check output becomes report data: a column named
// like bsn is masked whole, and any 9-digit number passing the 11-check
// elsewhere is masked too.
func format(col string, v any) string {
	var s string
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		s = x
	case time.Time:
		if x.Hour() == 0 && x.Minute() == 0 && x.Second() == 0 {
			s = x.Format(time.DateOnly)
		} else {
			s = x.Format("2006-01-02 15:04")
		}
	case bool:
		s = strconv.FormatBool(x)
	case duckdb.Decimal:
		s = decimalString(x)
	case []byte:
		s = string(x)
	default:
		s = fmt.Sprint(x)
	}
	if strings.Contains(strings.ToLower(col), "bsn") {
		return values.MaskBSN(s)
	}
	return values.MaskBSNsInText(s)
}

func decimalString(d duckdb.Decimal) string {
	if d.Value == nil {
		return ""
	}
	r := new(big.Rat).SetFrac(d.Value, new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(d.Scale)), nil))
	return r.FloatString(int(d.Scale))
}
