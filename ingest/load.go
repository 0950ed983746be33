// Package ingest loads the export files a manifest lists into DuckDB's
// canonical tables. Every input row is either loaded, with its file and row
// as provenance, or recorded as rejected with the column, the value and the
// reason; nothing is dropped silently. A whole load is one transaction.
package ingest

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"database/sql/driver"
	"encoding/hex"
	"errors"
	"fmt"
	"hash"
	"io"
	"io/fs"
	"path"
	"slices"
	"sort"
	"strings"

	duckdb "github.com/duckdb/duckdb-go/v2"

	"github.com/avgaudit/avgaudit/manifest"
	"github.com/avgaudit/avgaudit/model"
	"github.com/avgaudit/avgaudit/results"
	"github.com/avgaudit/avgaudit/values"
	"github.com/avgaudit/avgaudit/vocab"
)

// Meta tables the loader fills next to the canonical ones.
const (
	SystemsTable = "_systems" // system, product: what the manifest says was loaded
	InputsTable  = "_inputs"  // one row per loaded file or sheet
	// RejectsTable has one row per rejected value: file, sheet, row,
	// column_name, value, and the reason in English (reason, as before
	// there was a Dutch one) and in Dutch (reason_nl).
	RejectsTable = "_rejects"
)

// Result is what a load did: per input its counts and hash, and the rejects.
type Result struct {
	Inputs []results.Input
	// Rejects are the first MaxKeptRejects rejects of each input, in row
	// order; the rejects table has all of them.
	Rejects []results.Reject
	// RejectsNotKept counts the rejects left out of Rejects.
	RejectsNotKept int
	Columns        []ColumnInfo // every header cell of every input
	BSNHits        []BSNHit     // export columns outside the administration holding BSNs
}

// RowsRejected counts the rejected rows over all inputs.
func (r *Result) RowsRejected() int {
	n := 0
	for _, in := range r.Inputs {
		n += in.RowsRejected
	}
	return n
}

// InputError is an error in one export file that stops the load: a missing
// column, a sheet that is not there, a file that cannot be read.
type InputError struct {
	File   string // path in the source directory, with the sheet if any
	Row    int    // 0 when not about one row
	Column string // export header, "" when not about one column
	Err    error
}

func (e *InputError) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Row > 0 {
		fmt.Fprintf(&b, ", row %d", e.Row)
	}
	if e.Column != "" {
		fmt.Fprintf(&b, ", column %q", e.Column)
	}
	b.WriteString(": ")
	b.WriteString(e.Err.Error())
	return b.String()
}

func (e *InputError) Unwrap() error { return e.Err }

// Dutch is Error in Dutch, for the terminal in the default language; the
// cause is in Dutch where it has a Dutch text (see values.Dutch).
func (e *InputError) Dutch() string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Row > 0 {
		fmt.Fprintf(&b, ", rij %d", e.Row)
	}
	if e.Column != "" {
		fmt.Fprintf(&b, ", kolom %q", e.Column)
	}
	b.WriteString(": ")
	b.WriteString(values.Dutch(e.Err))
	return b.String()
}

// textError is an error with a Dutch text as well (see values.Dutch).
type textError struct{ en, nl string }

func (e *textError) Error() string { return e.en }
func (e *textError) Dutch() string { return e.nl }

// CreateTables creates every canonical table (empty) and the meta tables, so
// checks can always refer to any table; the catalogue decides from the
// inputs whether a check has the data it needs.
func CreateTables(ctx context.Context, conn execer) error {
	stmts := make([]string, 0, len(model.Tables)+5)
	for i := range model.Tables {
		stmts = append(stmts, model.Tables[i].CreateSQL())
	}
	stmts = append(stmts,
		"CREATE TABLE "+SystemsTable+" (system VARCHAR NOT NULL, product VARCHAR NOT NULL)",
		"CREATE TABLE "+InputsTable+" (system VARCHAR, product VARCHAR, file VARCHAR, sheet VARCHAR, table_name VARCHAR, sha256 VARCHAR, rows_read BIGINT, rows_loaded BIGINT, rows_rejected BIGINT, skipped_columns VARCHAR)",
		"CREATE TABLE "+RejectsTable+" (file VARCHAR, sheet VARCHAR, row BIGINT, column_name VARCHAR, value VARCHAR, reason VARCHAR, reason_nl VARCHAR)",
	)
	stmts = append(stmts, metaTablesSQL()...)
	for _, s := range stmts {
		if _, err := conn.ExecContext(ctx, s); err != nil {
			return fmt.Errorf("create tables: %s: %w", s, err)
		}
	}
	return nil
}

type execer interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
}

// Options tune a load; the zero value is fine.
type Options struct {
	// Password opens password-protected workbooks (never shown anywhere).
	Password string
	// Progress, when not nil, shows how far each input is.
	Progress Progress
	// TmpDir holds the load's temporary files (excelize's, a copy of a
	// workbook from an fs.FS that is not a folder); "" for the system's.
	// A run gives its private folder (package scratch).
	TmpDir string
}

// Load creates the tables and loads every file of m, read from dir in fsys,
// in one transaction on one connection of db: either everything is loaded
// (with rejects recorded) or, on an InputError, nothing is.
func Load(ctx context.Context, db *sql.DB, fsys fs.FS, dir string, m *manifest.Manifest) (*Result, error) {
	return LoadWith(ctx, db, fsys, dir, m, Options{})
}

// LoadWith is Load with options.
func LoadWith(ctx context.Context, db *sql.DB, fsys fs.FS, dir string, m *manifest.Manifest, opt Options) (*Result, error) {
	conn, err := db.Conn(ctx)
	if err != nil {
		return nil, fmt.Errorf("open connection: %w", err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, "BEGIN TRANSACTION"); err != nil {
		return nil, fmt.Errorf("begin: %w", err)
	}
	res, err := load(ctx, conn, fsys, dir, m, opt)
	if err != nil {
		_, _ = conn.ExecContext(context.WithoutCancel(ctx), "ROLLBACK")
		return nil, err
	}
	if _, err := conn.ExecContext(ctx, "COMMIT"); err != nil {
		return nil, fmt.Errorf("commit: %w", err)
	}
	return res, nil
}

func load(ctx context.Context, conn *sql.Conn, fsys fs.FS, dir string, m *manifest.Manifest, opt Options) (*Result, error) {
	if err := CreateTables(ctx, conn); err != nil {
		return nil, err
	}
	for _, sys := range model.Systems {
		if s := m.Systems[sys]; s != nil {
			if _, err := conn.ExecContext(ctx, "INSERT INTO "+SystemsTable+" VALUES (?, ?)", sys, strings.TrimSpace(s.Product)); err != nil {
				return nil, fmt.Errorf("record systems: %w", err)
			}
		}
	}
	res := &Result{}
	books := newWorkbooks(opt.Password, opt.TmpDir)
	defer books.close()
	for _, f := range m.Files() {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		in, rejects, err := loadFile(ctx, conn, fsys, dir, f, books, res, opt.Progress)
		if err != nil {
			return nil, err
		}
		in.RejectsNotListed = rejects.notKept
		res.Inputs = append(res.Inputs, in)
		res.Rejects = append(res.Rejects, rejects.kept...)
		res.RejectsNotKept += rejects.notKept
	}
	if err := applyJoins(ctx, conn, m, res); err != nil {
		return nil, err
	}
	if err := applyLookups(ctx, conn, m); err != nil {
		return nil, err
	}
	if err := recordMeta(ctx, conn, res); err != nil {
		return nil, err
	}
	if err := recordColumns(ctx, conn, res); err != nil {
		return nil, err
	}
	return res, nil
}

func recordMeta(ctx context.Context, conn *sql.Conn, res *Result) error {
	for _, in := range res.Inputs {
		if _, err := conn.ExecContext(ctx, "INSERT INTO "+InputsTable+" VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
			in.System, in.Product, in.File, in.Sheet, in.Table, in.SHA256, in.RowsRead, in.RowsLoaded, in.RowsRejected,
			strings.Join(in.SkippedColumns, ", ")); err != nil {
			return fmt.Errorf("record inputs: %w", err)
		}
	}
	return nil
}

// MaxKeptRejects is how many rejects per input a Result keeps in memory.
const MaxKeptRejects = 1000

// rejectList collects the rejects of one input: all of them go into the
// rejects table (recordRejects, between batches of rows), the first
// MaxKeptRejects are kept for the Result.
type rejectList struct {
	kept    []results.Reject
	notKept int
	pending []results.Reject // not yet in the rejects table
}

func (l *rejectList) add(r results.Reject) {
	l.pending = append(l.pending, r)
	if len(l.kept) < MaxKeptRejects {
		l.kept = append(l.kept, r)
	} else {
		l.notKept++
	}
}

// addLater adds rejects found after the rows were loaded (duplicate keys):
// kept are the first MaxKeptRejects of all in row order.
func (l *rejectList) addLater(rs []results.Reject) {
	l.pending = append(l.pending, rs...)
	l.kept = append(l.kept, rs...)
	slices.SortStableFunc(l.kept, func(a, b results.Reject) int { return a.Row - b.Row })
	if n := len(l.kept) - MaxKeptRejects; n > 0 {
		l.kept = l.kept[:MaxKeptRejects]
		l.notKept += n
	}
}

// record appends the pending rejects to the rejects table.
func (l *rejectList) record(ctx context.Context, conn *sql.Conn) error {
	if len(l.pending) == 0 {
		return nil
	}
	err := conn.Raw(func(dc any) error {
		app, err := duckdb.NewAppenderFromConn(dc.(driver.Conn), "", RejectsTable)
		if err != nil {
			return err
		}
		for _, r := range l.pending {
			if err := app.AppendRow(r.File, r.Sheet, int64(r.Row), r.Column, r.Value, r.Reason.EN, r.Reason.NL); err != nil {
				_ = app.Close()
				return err
			}
		}
		return app.Close()
	})
	if err != nil {
		return fmt.Errorf("record rejects: %w", err)
	}
	l.pending = l.pending[:0]
	return nil
}

func loadFile(ctx context.Context, conn *sql.Conn, fsys fs.FS, dir string, f *manifest.File, books *workbooks, res *Result, progress Progress) (results.Input, *rejectList, error) {
	in := results.Input{System: f.System, Product: f.Product, File: f.File, Sheet: f.Sheet, Table: f.Table, SkippedColumns: []string{}}
	fail := func(row int, column string, err error) (results.Input, *rejectList, error) {
		return in, nil, &InputError{File: f.Label(), Row: row, Column: column, Err: err}
	}
	name := path.Join(dir, f.File)
	var rr rowReader
	var digest hash.Hash
	var tee io.Reader
	var kind cellKind
	var counted *countingReader // bytes read, for progress; nil for workbooks
	var size int64
	if f.IsWorkbook() {
		book, err := books.get(fsys, name)
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return fail(0, "", vocab.Errorf("bestand niet gevonden in de bronmap (manifest regel %d); controleer de naam in het manifest", "file not found in the source directory (manifest line %d); check the name in the manifest", f.Line))
			}
			return fail(0, "", err)
		}
		in.SHA256 = book.sum
		kind = cellKind{workbook: true, date1904: book.date1904}
		sr, err := book.rows(f.Sheet)
		if err != nil {
			return fail(0, "", err)
		}
		rr = sr
	} else {
		fh, err := fsys.Open(name)
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return fail(0, "", vocab.Errorf("bestand niet gevonden in de bronmap (manifest regel %d); controleer de naam in het manifest", "file not found in the source directory (manifest line %d); check the name in the manifest", f.Line))
			}
			return fail(0, "", err)
		}
		defer fh.Close()
		digest = sha256.New()
		var delim rune
		if f.Delimiter != "" {
			delim = []rune(f.Delimiter)[0]
		}
		if st, err := fh.Stat(); err == nil {
			size = st.Size()
		}
		tee = io.TeeReader(fh, digest)
		counted = &countingReader{r: tee}
		cr, err := newCSVReader(counted, delim)
		if err != nil {
			return fail(0, "", err)
		}
		rr = cr
	}

	// Skip titles and notes above the header; refuse several tables in one.
	rr, err := detectHeader(rr, f.Label())
	if err != nil {
		return in, nil, err
	}
	table, _ := model.Lookup(f.Table)
	headerRow, header, err := rr.Next()
	if errors.Is(err, io.EOF) {
		return fail(0, "", vocab.Errorf("het bestand is leeg: verwacht een kopregel met kolomnamen", "the file is empty: expected a header row with column names"))
	}
	if err != nil {
		return fail(headerRow, "", err)
	}
	header = append([]string(nil), header...) // the reader reuses its row
	plan, skipped, err := planColumns(f, table, header)
	if err != nil {
		return fail(headerRow, "", err)
	}
	in.SkippedColumns = skipped
	shape := plan
	tf, plan, err := newTransform(f, table, header, plan)
	if err != nil {
		return fail(headerRow, "", err)
	}
	if tf != nil {
		rr = &transformReader{rr: rr, tf: tf, kind: kind}
	}

	scan := newBSNScan(f, table, shape)
	tick := progressTick(progress, f.Label(), size, counted)
	rejects, err := appendRows(ctx, conn, f, table, plan, rr, kind, &in, scan, tick, tf)
	if progress != nil {
		progress.Done()
	}
	if err == nil {
		cols, hits := columnInfos(f, table, shape, headerRow, header, scan)
		cols = append(cols, tf.columnInfos(f, headerRow, header)...)
		res.Columns = append(res.Columns, cols...)
		res.BSNHits = append(res.BSNHits, hits...)
	}
	if err != nil {
		var ie *InputError
		if errors.As(err, &ie) {
			return in, nil, err
		}
		return fail(0, "", err)
	}
	if digest != nil {
		// Hash the whole file, also anything after the last row read.
		if _, err := io.Copy(io.Discard, tee); err != nil {
			return fail(0, "", err)
		}
		in.SHA256 = hex.EncodeToString(digest.Sum(nil))
	}
	return in, rejects, nil
}

// progressTick starts progress for one input and returns what the row loop
// calls: it reports the bytes read for text, the rows for a workbook.
func progressTick(p Progress, label string, size int64, counted *countingReader) func(rows int) {
	if p == nil {
		return nil
	}
	if counted == nil {
		size = 0
	}
	p.Start(label, size)
	return func(rows int) {
		if counted != nil {
			p.Update(counted.n)
		} else {
			p.Update(int64(rows))
		}
	}
}

// columnPlan says, per canonical column, which export column feeds it.
type columnPlan struct {
	source []int    // index into the export row per canonical column, -1 if absent
	header []string // the export header per canonical column
	width  int      // number of columns in the header row
}

// planColumns maps the export's header onto the table's columns. Export
// columns neither mapped nor canonical are skipped (data minimisation).
func planColumns(f *manifest.File, t *model.Table, header []string) (columnPlan, []string, error) {
	plan := columnPlan{source: make([]int, len(t.Columns)), header: make([]string, len(t.Columns)), width: len(header)}
	for i := range plan.source {
		plan.source[i] = -1
	}
	colIndex := map[string]int{}
	for i, c := range t.Columns {
		colIndex[c.Name] = i
	}
	var skipped []string
	pivot := map[string]bool{} // the unpivot's question columns, found
	seenHeader := map[string]int{}
	seenSkipped := map[string]int{}
	for i, raw := range header {
		h := text(strings.TrimPrefix(raw, utf8BOM))
		if h == "" {
			continue // an empty header cell, such as the trailing ;; Excel writes
		}
		if f.Unpivot != nil {
			if _, q := lookupFold(f.Unpivot.Columns, h); q {
				for _, k := range f.UnpivotHeaders() {
					if strings.EqualFold(strings.TrimSpace(k), h) {
						pivot[k] = true
					}
				}
				continue
			}
		}
		target, mapped := lookupHeader(f.Columns, h)
		if !mapped {
			if _, canonical := colIndex[strings.ToLower(h)]; canonical {
				target, mapped = strings.ToLower(h), true
			}
		}
		if !mapped {
			skipped = append(skipped, skippedName(seenSkipped, h, i))
			continue
		}
		if prev, dup := seenHeader[target]; dup {
			return plan, nil, vocab.Errorf("kolom %d (%q) en %d (%q) vullen allebei %s; houd er één, of koppel er een in het manifest aan een andere kolom",
				"columns %d (%q) and %d (%q) both fill %s; keep one, or map one of them to another column in the manifest",
				prev+1, strings.TrimSpace(header[prev]), i+1, h, target)
		}
		seenHeader[target] = i
		ci := colIndex[target]
		plan.source[ci], plan.header[ci] = i, h
	}
	var missing []vocab.Text
	for h, target := range f.Columns {
		if _, found := seenHeader[target]; !found {
			missing = append(missing, vocab.Textf("%q (voor %s)", "%q (for %s)", h, target))
		}
	}
	for _, h := range f.UnpivotHeaders() {
		if !pivot[h] {
			missing = append(missing, vocab.Textf("%q (onder unpivot:)", "%q (under unpivot:)", h))
		}
	}
	if len(missing) > 0 {
		sort.Slice(missing, func(i, j int) bool { return missing[i].EN < missing[j].EN })
		return plan, nil, vocab.Errorf("het manifest koppelt %s, maar de kopregel heeft zo'n kolom niet; de kopregel heeft: %s%s",
			"the manifest maps %s, but the header row has no such column; the header has: %s%s",
			vocab.JoinTexts(missing, vocab.Same(", ")), strings.Join(quoteAll(trimAll(header)), ", "), headerHint(header))
	}
	var required []string
	given := provided(f, t)
	for i, c := range t.Columns {
		if f.Join != "" && c.Name != f.Join {
			continue // a join entry only adds columns to another's rows
		}
		if c.Required && plan.source[i] < 0 && !given[c.Name] {
			required = append(required, c.Name)
		}
	}
	if len(required) > 0 {
		return plan, nil, vocab.Errorf("verplichte kolom(men) %s van %s niet gevonden; zet een regel `<kolomkop van de export>: <kolom>` onder columns: in het manifest (de kopregel heeft: %s)%s",
			"required column(s) %s of %s not found; add a line `<export header>: <column>` under columns: in the manifest (the header has: %s)%s",
			strings.Join(required, ", "), t.Name, strings.Join(quoteAll(trimAll(header)), ", "), headerHint(header))
	}
	if skipped == nil {
		skipped = []string{}
	}
	return plan, skipped, nil
}

// skippedName names a skipped export column; a name seen before gets the
// positions of both, so the list shows it twice for a reason.
func skippedName(seen map[string]int, h string, i int) string {
	key := strings.ToLower(h)
	if prev, dup := seen[key]; dup {
		return fmt.Sprintf("%s (column %d, same name as column %d)", h, i+1, prev+1)
	}
	seen[key] = i
	return h
}

// headerHint guesses why a header row lacks the expected columns.
func headerHint(header []string) vocab.Text {
	cells := trimAll(header)
	if len(cells) == 1 {
		return vocab.Text{NL: "; de kopregel heeft maar één kolom: het bestand gebruikt misschien een ander scheidingsteken dan het herkende (zet delimiter: in het manifest)",
			EN: "; the header row has a single column: the file may use another delimiter than the one detected (set delimiter: in the manifest)"}
	}
	for _, c := range cells {
		if typedValue(c) || strings.HasPrefix(c, "*****") { // a date, a number, a masked BSN
			return vocab.Text{NL: "; de eerste rij lijkt gegevens, geen kolomnamen: de export moet met een kopregel beginnen",
				EN: "; the first row looks like data, not column names: the export must start with a header row"}
		}
	}
	return vocab.Text{}
}

// lookupHeader finds the canonical column an export header maps to.
func lookupHeader(columns map[string]string, h string) (string, bool) { return lookupFold(columns, h) }

// lookupFold looks key up in a manifest mapping: an exact match wins over
// one that differs only in case or surrounding spaces (people type "ja" for
// "Ja"); among those, the first in sorted order, so the result never depends
// on map order.
func lookupFold(m map[string]string, key string) (string, bool) {
	if v, ok := m[key]; ok {
		return v, true
	}
	var best string
	found := false
	for k := range m {
		if strings.EqualFold(strings.TrimSpace(k), key) && (!found || k < best) {
			best, found = k, true
		}
	}
	return m[best], found
}

func trimAll(ss []string) []string {
	out := make([]string, 0, len(ss))
	for _, s := range ss {
		if s = values.MaskBSNsInText(text(strings.TrimPrefix(s, utf8BOM))); s != "" {
			out = append(out, s)
		}
	}
	return out
}
