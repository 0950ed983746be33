package ingest

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"math"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unicode/utf8"

	duckdb "github.com/duckdb/duckdb-go/v2"
	"golang.org/x/text/encoding/charmap"

	"github.com/avgaudit/avgaudit/manifest"
	"github.com/avgaudit/avgaudit/model"
	"github.com/avgaudit/avgaudit/results"
	"github.com/avgaudit/avgaudit/values"
)

// cellKind says how raw cell values are to be read.
type cellKind struct {
	workbook bool // raw workbook values: dates as serial numbers, numbers unformatted
	date1904 bool // the workbook counts serial dates from 1904
}

// appendRows parses and inserts every data row, collecting rejects. One
// goroutine reads rows, several parse them, DuckDB inserts them from a
// table function (rowSource): batches go through all three in order. A
// parsed batch holds its rows column by column, in the form DuckDB's
// vectors take, so that filling a chunk copies whole columns. Duplicate
// keys are found afterwards, in the table (see rejectDuplicates).
func appendRows(ctx context.Context, conn *sql.Conn, f *manifest.File, t *model.Table, plan columnPlan, rr rowReader, kind cellKind, in *results.Input, scan *bsnScan, tick func(rows int), tf *rowTransform) (*rejectList, error) {
	l := newRowLoader(f, t, plan, kind, in, scan)
	l.tf = tf
	if err := l.run(ctx, conn, rr, tick); err != nil {
		return nil, err
	}
	if err := rejectDuplicates(ctx, conn, l); err != nil {
		return nil, err
	}
	return l.rejects, nil
}

// Rows go through the stages in batches of batchRows, the size of one
// DuckDB data chunk; at most batchesInFlight batches are under way.
const (
	batchRows       = 2048
	batchesInFlight = 8
)

// rowLoader loads the rows of one input.
type rowLoader struct {
	f       *manifest.File
	t       *model.Table
	plan    columnPlan
	kind    cellKind
	label   string
	in      *results.Input
	scan    *bsnScan
	rejects *rejectList
	tf      *rowTransform // nil unless the export's rows are transformed (transform.go)
	parser  *rowParser
	// skipped counts the rows the manifest leaves out (take adds them);
	// run subtracts them from RowsRead once the reader, which counts
	// RowsRead on its own goroutine, has stopped.
	skipped int
}

func newRowLoader(f *manifest.File, t *model.Table, plan columnPlan, kind cellKind, in *results.Input, scan *bsnScan) *rowLoader {
	return &rowLoader{f: f, t: t, plan: plan, kind: kind, label: f.Label(), in: in, scan: scan, rejects: &rejectList{},
		parser: newRowParser(f, t, plan, kind)}
}

// textSwapper is a row reader whose cells are copied into a block of
// memory the caller can give it (textBlocks.swapText).
type textSwapper interface {
	swapText(buf []byte) []byte
}

// job is one batch on its way: the rows as read, then as parsed, with what
// parsing them found. done is closed when it is parsed.
type job struct {
	raw     rawRows
	text    []byte // the block the reader copied raw's text into, reused
	rows    *rowBatch
	rejects []results.Reject
	scan    *bsnScan
	loaded  int
	failed  int // rows rejected
	skipped int // rows left out by the manifest (values: label: "-")
	done    chan struct{}
}

// rawRows are rows as read: the cells of row i are cells[ends[i-1]:ends[i]];
// bad[i] is set for a row that could not be split into cells.
type rawRows struct {
	cells []string
	ends  []int
	nums  []int
	bad   []*badRowError
}

// newRawRows makes room for a batch of rows of width cells (for at most
// 64 cells a row: a row of thousands of empty cells is a mistake, whose
// batches grow as needed).
func newRawRows(width int) rawRows {
	return rawRows{cells: make([]string, 0, batchRows*min(max(width, 1), 64)), ends: make([]int, 0, batchRows),
		nums: make([]int, 0, batchRows), bad: make([]*badRowError, 0, batchRows)}
}

func (r *rawRows) reset() {
	r.cells, r.ends, r.nums, r.bad = r.cells[:0], r.ends[:0], r.nums[:0], r.bad[:0]
}

func (r *rawRows) row(i int) []string {
	from := 0
	if i > 0 {
		from = r.ends[i-1]
	}
	return r.cells[from:r.ends[i]]
}

// maxPendingRejects is how many rejects may wait for the rejects table.
const maxPendingRejects = 20_000

// sourceSeq numbers the table functions the loader registers.
var sourceSeq atomic.Int64

// run passes the rows of rr through the stages and inserts them.
func (l *rowLoader) run(parent context.Context, conn *sql.Conn, rr rowReader, tick func(rows int)) error {
	ctx, cancel := context.WithCancel(parent)
	defer cancel()
	// Batches are made as needed (see read), up to batchesInFlight: an
	// export of a few rows needs one.
	free := make(chan *job, batchesInFlight)
	ordered := make(chan *job, batchesInFlight)
	work := make(chan *job, batchesInFlight)
	readErr := make(chan error, 1)
	go func() {
		readErr <- l.read(ctx, rr, tick, free, ordered, work)
		close(ordered)
		close(work)
	}()
	var wg sync.WaitGroup
	for range min(max(runtime.GOMAXPROCS(0), 1), 4) {
		wg.Go(func() {
			for j := range work {
				l.parseBatch(j)
				close(j.done)
			}
		})
	}
	src, insertErr := newRowSource(l.t, l.label, l.nextBatch(ctx, ordered, free))
	if insertErr == nil {
		insertErr = l.insert(ctx, conn, src)
	} else {
		insertErr = fmt.Errorf("store rows of %s: %w", l.t.Name, insertErr)
	}
	cancel() // stops the reader when the insert failed
	if src != nil {
		// After a failed or interrupted statement DuckDB may still be in
		// a call of the table function on one of its threads (canceled
		// now, it returns at once): close waits for it.
		src.close()
	}
	wg.Wait()
	err := <-readErr
	l.in.RowsRead -= l.skipped
	switch {
	case parent.Err() != nil:
		return parent.Err()
	case err != nil && (insertErr == nil || !errors.Is(err, context.Canceled)):
		return err // why the rows ended early
	}
	return insertErr
}

// nextBatch returns what the table function calls for the next batch: it
// takes the parsed batches in order, with their counts and rejects, and
// passes on those with rows to insert.
func (l *rowLoader) nextBatch(ctx context.Context, ordered <-chan *job, free chan<- *job) func() (*rowBatch, error) {
	var inserting *job
	return func() (*rowBatch, error) {
		if inserting != nil {
			free <- inserting // DuckDB has copied its rows
			inserting = nil
		}
		for {
			var j *job
			var ok bool
			select {
			case j, ok = <-ordered:
			case <-ctx.Done():
				return nil, ctx.Err()
			}
			if !ok {
				return nil, nil
			}
			select { // a canceled reader may not have passed j on to be parsed
			case <-j.done:
			case <-ctx.Done():
				return nil, ctx.Err()
			}
			l.take(j)
			// A batch without rows goes on too when rejects pile up: its
			// empty chunk ends the statement, so that they are recorded
			// (an export whose every row is rejected would otherwise keep
			// all its rejects in memory).
			if j.rows.n > 0 || l.rejectsPiledUp() {
				inserting = j
				return j.rows, nil
			}
			free <- j
		}
	}
}

// insert inserts the batches next returns into the table. When
// maxPendingRejects rejects have piled up, it ends the statement, records
// them and goes on with another (a statement costs more than one batch).
func (l *rowLoader) insert(ctx context.Context, conn *sql.Conn, src *rowSource) error {
	src.pause = l.rejectsPiledUp
	name := fmt.Sprintf("avgaudit_rows_%d", sourceSeq.Add(1))
	err := duckdb.RegisterTableUDF(conn, name, duckdb.ChunkTableFunction{
		BindArguments: func(map[string]any, ...any) (duckdb.ChunkTableSource, error) { return src, nil },
	})
	if err != nil {
		return fmt.Errorf("store rows of %s: %w", l.t.Name, err)
	}
	restore, err := oneThread(ctx, conn)
	if err != nil {
		return fmt.Errorf("store rows of %s: %w", l.t.Name, err)
	}
	defer restore()
	for !src.done {
		if _, err := conn.ExecContext(ctx, "INSERT INTO "+l.t.Name+" SELECT * FROM "+name+"()"); err != nil {
			return &InputError{File: l.label, Err: fmt.Errorf("store rows: %w", err)}
		}
		if err := l.rejects.record(ctx, conn); err != nil {
			return err
		}
	}
	return nil
}

// oneThread lets DuckDB run the insert on the calling thread alone and
// returns what sets its threads back. The table function yields one batch
// at a time, so a second thread has nothing to do: with it, DuckDB's calling
// thread polls the task queue without a pause for as long as the statement
// runs (on 2 cores, a core taken from parsing the rows).
func oneThread(ctx context.Context, conn *sql.Conn) (func(), error) {
	var threads int64
	if err := conn.QueryRowContext(ctx, "SELECT current_setting('threads')").Scan(&threads); err != nil {
		return nil, err
	}
	if threads <= 1 {
		return func() {}, nil
	}
	if _, err := conn.ExecContext(ctx, "SET threads = 1"); err != nil {
		return nil, err
	}
	return func() {
		_, _ = conn.ExecContext(context.WithoutCancel(ctx), fmt.Sprintf("SET threads = %d", threads))
	}, nil
}

// rejectsPiledUp says whether the statement should end so that the
// pending rejects are recorded.
func (l *rowLoader) rejectsPiledUp() bool { return len(l.rejects.pending) >= maxPendingRejects }

// read fills batches with the rows of rr and sends each to be parsed, and
// in order to be stored.
func (l *rowLoader) read(ctx context.Context, rr rowReader, tick func(rows int), free, ordered, work chan *job) error {
	var j *job
	made := 0 // batches made so far
	swapper, _ := rr.(textSwapper)
	flush := func() error {
		if swapper != nil {
			j.text = swapper.swapText(nil)
		}
		for _, ch := range []chan *job{ordered, work} {
			select {
			case ch <- j:
			case <-ctx.Done():
				return ctx.Err()
			}
		}
		j = nil
		return nil
	}
	for n := 0; ; n++ {
		if n%4096 == 0 && tick != nil {
			tick(n)
		}
		if j == nil {
			select {
			case j = <-free:
			default:
				if made < cap(free) { // so that handing a batch back never waits
					j = &job{rows: newRowBatch(l.t), scan: l.scan.empty(), raw: newRawRows(l.plan.width)}
					made++
					break
				}
				select {
				case j = <-free:
				case <-ctx.Done():
					return ctx.Err()
				}
			}
			j.raw.reset()
			j.done = make(chan struct{})
			if swapper != nil {
				// Nothing refers to the text of this job's last batch any
				// more: its rows are in DuckDB, values kept longer
				// (rejects) are copies.
				swapper.swapText(j.text[:0])
			}
		}
		rowNum, cells, err := rr.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		var bad *badRowError
		if err != nil {
			if b, ok := errors.AsType[*badRowError](err); ok {
				bad = b
			} else {
				return &InputError{File: l.label, Row: rowNum, Err: err}
			}
		}
		l.in.RowsRead++
		j.raw.cells = append(j.raw.cells, cells...)
		j.raw.ends = append(j.raw.ends, len(j.raw.cells))
		j.raw.nums = append(j.raw.nums, rowNum)
		j.raw.bad = append(j.raw.bad, bad)
		if len(j.raw.nums) == batchRows {
			if err := flush(); err != nil {
				return err
			}
		}
	}
	if len(j.raw.nums) > 0 {
		return flush()
	}
	free <- j
	return nil
}

// parseBatch parses the rows j read into j.rows, rejecting those it cannot
// use.
func (l *rowLoader) parseBatch(j *job) {
	j.rows.n, j.loaded, j.failed, j.skipped, j.rejects = 0, 0, 0, 0, j.rejects[:0]
	j.scan.clear()
	for i, rowNum := range j.raw.nums {
		var problems []cellProblem
		if bad := j.raw.bad[i]; bad != nil {
			problems = []cellProblem{{col: -1, reason: errorText(bad)}}
		} else {
			cells := j.raw.row(i)
			j.scan.row(rowNum, cells)
			problems = checkShape(l.t, l.plan, cells, l.kind)
			if len(problems) == 0 {
				problems = l.parser.parse(cells, j.rows, j.rows.n)
			}
		}
		if len(problems) > 0 && slices.ContainsFunc(problems, func(c cellProblem) bool { return c.skip }) {
			j.skipped++ // a row not made, as an unpivot's blank answer
			continue
		}
		if len(problems) > 0 {
			j.failed++
			plan := l.plan
			if l.tf != nil {
				plan = l.tf.planFor(plan, j.raw.row(i))
			}
			for _, c := range problems {
				j.rejects = append(j.rejects, c.reject(l.label, l.f.Sheet, rowNum, l.t, plan))
			}
			continue
		}
		j.rows.nums[j.rows.n] = int64(rowNum)
		j.rows.n++
		j.loaded++
	}
}

// take takes over the counts and rejects of a parsed batch.
func (l *rowLoader) take(j *job) {
	l.in.RowsLoaded += j.loaded
	l.in.RowsRejected += j.failed
	l.skipped += j.skipped
	for _, r := range j.rejects {
		l.rejects.add(r)
	}
	l.scan.add(j.scan)
}

// empty returns a scan of the same columns with nothing counted yet, for
// one batch; nil for nil.
func (s *bsnScan) empty() *bsnScan {
	if s == nil {
		return nil
	}
	return &bsnScan{skip: s.skip, hits: make([]int, len(s.hits)), first: make([]int, len(s.first))}
}

func (s *bsnScan) clear() {
	if s != nil {
		clear(s.hits)
		clear(s.first)
	}
}

// add counts the hits of a later batch b.
func (s *bsnScan) add(b *bsnScan) {
	if s == nil {
		return
	}
	for i, n := range b.hits {
		if n > 0 && s.hits[i] == 0 {
			s.first[i] = b.first[i]
		}
		s.hits[i] += n
	}
}

// checkShape rejects rows whose cells do not line up with the header. In
// delimited text every row has all its separators (Excel writes them even
// for empty cells), so a row that ends before a loaded column, or has filled
// cells beyond the header, was most likely split or joined by a line break
// or a delimiter inside an unquoted value. Sheets have no such problem, and
// excelize leaves out trailing empty cells, so short sheet rows are fine.
func checkShape(t *model.Table, plan columnPlan, cells []string, kind cellKind) []cellProblem {
	var extra []string // the columns, as the user names them
	for i := plan.width; i < len(cells); i++ {
		if strings.TrimSpace(cells[i]) != "" {
			extra = append(extra, columnName(i, kind.workbook))
		}
	}
	switch {
	case len(extra) > 0 && kind.workbook: // a sheet's cells cannot shift: a note beside the table
		return []cellProblem{{col: -1, reason: noteBeside(extra)}}
	case len(extra) > 0:
		return []cellProblem{{col: -1, reason: results.Text{
			NL: fmt.Sprintf("de rij heeft %s meer dan er kolommen in de kopregel staan; waarschijnlijk staat in een waarde het scheidingsteken zonder aanhalingstekens om de waarde heen", countNL(len(extra), "gevulde cel", "gevulde cellen")),
			EN: fmt.Sprintf("the row has %d more filled cells than the header has columns; a value may contain the delimiter without quotes around it", len(extra)),
		}}}
	case kind.workbook:
		return nil
	}
	for i, src := range plan.source {
		if src >= len(cells) {
			return []cellProblem{{col: i, reason: results.Text{
				NL: fmt.Sprintf("de rij houdt op na %s, vóór deze kolom (de kopregel heeft %s); waarschijnlijk staat in een waarde een regelovergang (Enter) zonder aanhalingstekens om de waarde heen", countNL(len(cells), "cel", "cellen"), countNL(plan.width, "kolom", "kolommen")),
				EN: fmt.Sprintf("the row ends after %d cells, before this column (the header has %d); a value may contain a line break without quotes around it", len(cells), plan.width),
			}}}
		}
	}
	return nil
}

// noteBeside is the reason for a sheet row with values in the columns
// (named as Excel names them) beyond the header.
func noteBeside(extra []string) results.Text {
	r := results.Text{
		NL: "kolom " + extra[0] + " heeft in deze rij een waarde, maar in de kopregel staat geen naam boven deze kolom; maak de cel leeg of geef de kolom een naam",
		EN: "column " + extra[0] + " holds a value in this row, but the header row has no name above it; clear the cell, or give the column a header",
	}
	if len(extra) > 1 {
		cols := strings.Join(extra, ", ")
		r = results.Text{
			NL: "kolommen " + cols + " hebben in deze rij waarden, maar in de kopregel staan geen namen boven deze kolommen; maak de cellen leeg of geef de kolommen een naam",
			EN: "columns " + cols + " hold values in this row, but the header row has no names above them; clear the cells, or give the columns a header",
		}
	}
	r.NL += " (een kolom die het manifest niet koppelt, wordt niet ingelezen)"
	r.EN += " (a column the manifest does not map is not loaded)"
	return r
}

// countNL writes a count with the Dutch singular or plural noun.
func countNL(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

// errorText is an error's message in both languages (see values.Dutch).
func errorText(err error) results.Text {
	return results.Text{NL: values.Dutch(err), EN: err.Error()}
}

type cellProblem struct {
	col    int // canonical column index, -1 for the row as a whole
	value  string
	reason results.Text
	skip   bool // not a problem: the manifest leaves rows with this label out (values: label: "-")
}

// SkipLabel is the value a label is mapped to under values: to leave the
// rows with that label out: a question the model has no value for.
const SkipLabel = manifest.SkipLabel

// reject describes the problem for the user. Personal values never appear
// in full: not in the value and not in the reason, which may quote the
// value. The value is masked by what it looks like (values.MaskValue): a
// BSN, e-mail address, IBAN, phone number or name in any column; in a BSN
// column, anything of letters (a name put in the wrong column).
func (p cellProblem) reject(file, sheet string, row int, t *model.Table, plan columnPlan) results.Reject {
	r := results.Reject{File: file, Sheet: sheet, Row: row}
	nl, en := p.reason.NL, p.reason.EN
	if p.col >= 0 {
		r.Column = plan.header[p.col]
		if t.Columns[p.col].Type == model.BSN && strings.ContainsAny(p.value, "0123456789") {
			r.Value = values.MaskBSN(p.value)
		} else {
			r.Value = values.MaskValue(p.value, t.Columns[p.col].Type == model.BSN)
		}
		if r.Value != p.value {
			quoted, masked := strconv.Quote(p.value), strconv.Quote(r.Value)
			nl, en = strings.ReplaceAll(nl, quoted, masked), strings.ReplaceAll(en, quoted, masked)
			if raw := strings.TrimSpace(p.value); len(raw) >= 3 {
				nl, en = strings.ReplaceAll(nl, raw, r.Value), strings.ReplaceAll(en, raw, r.Value)
			}
		}
		r.Value = strings.Clone(r.Value) // not the reader's block of text
	}
	// Copies, like the value: a reason is kept longer than the reader's
	// block of text that a cell, and so a reason made of it, may be in.
	r.Reason = results.Text{NL: strings.Clone(values.MaskBSNsInText(nl)), EN: strings.Clone(values.MaskBSNsInText(en))}
	return r
}

// referencePattern is a reference or record number: a few letters, a
// separator and digits ("TS-10392", "FORM/2025/12").
var referencePattern = regexp.MustCompile(`^[A-Za-z]{1,6}[-/_ .]?[0-9]{2,}([-/_.][0-9A-Za-z]+)*$`)

// referenceHint adds to the reason a yes/no value was refused which other
// column of the table fits, when the value looks like a reference: a
// consent form's number in a column mapped as "consent given" means the
// mapping, not the export, is wrong.
func referenceHint(t *model.Table, c model.Column, raw string, reason results.Text) results.Text {
	if !referencePattern.MatchString(raw) {
		return reason
	}
	for _, o := range t.Columns {
		if o.Type == model.Text && strings.Contains(o.Name, "reference") {
			return results.Text{
				NL: fmt.Sprintf("%q is geen ja of nee maar lijkt een kenmerk; koppel deze kolom in het manifest aan %s in plaats van %s", raw, o.Name, c.Name),
				EN: fmt.Sprintf("%q is not yes/no but looks like a reference; map this column to %s instead of %s in the manifest", raw, o.Name, c.Name),
			}
		}
	}
	return reason
}

// parseRow fills row i of b with the typed values of cells; it returns the
// cells it could not use. Cells past the end of a (sheet) row are blank.
func parseRow(f *manifest.File, t *model.Table, plan columnPlan, cells []string, kind cellKind, b *rowBatch, i int) []cellProblem {
	return newRowParser(f, t, plan, kind).parse(cells, b, i)
}

// rowParser parses the rows of one input, with what it needs per canonical
// column looked up once.
type rowParser struct {
	t    *model.Table
	kind cellKind
	cols []colParser
}

type colParser struct {
	c        *model.Column
	src      int               // index into the export row, -1 if absent
	values   map[string]string // the manifest's value mapping, nil if none
	plain    bool              // text stored as it is (not an e-mail address)
	required bool              // a blank value is a problem
}

func newRowParser(f *manifest.File, t *model.Table, plan columnPlan, kind cellKind) *rowParser {
	p := &rowParser{t: t, kind: kind, cols: make([]colParser, len(t.Columns))}
	for ci := range t.Columns {
		c := &t.Columns[ci]
		src := plan.source[ci]
		p.cols[ci] = colParser{c: c, src: src, plain: c.Type == model.Text && !isEmailColumn(c.Name),
			required: src >= 0 && (c.Key || (c.Required && !c.MayBeEmpty))}
		if m := f.Values[c.Name]; len(m) > 0 {
			p.cols[ci].values = m
		}
	}
	return p
}

// parse is parseRow.
func (p *rowParser) parse(cells []string, b *rowBatch, i int) []cellProblem {
	var bad []cellProblem
	for ci := range p.cols {
		cp := &p.cols[ci]
		col := &b.cols[ci]
		raw := ""
		if cp.src >= 0 && cp.src < len(cells) {
			raw = text(cells[cp.src])
		}
		if cp.values != nil {
			if mapped, ok := mapValue(cp.values, raw); ok {
				if mapped == SkipLabel {
					return []cellProblem{{col: ci, skip: true}}
				}
				raw = mapped
			}
		}
		if raw == "" {
			col.null[i] = true
			if cp.required {
				bad = append(bad, cellProblem{col: ci, reason: blankReason(*cp.c)})
			}
			continue
		}
		if cp.plain {
			col.null[i] = false
			col.str[i] = raw
			continue
		}
		v, err := parseValue(cp.c, raw, p.kind)
		if err != nil {
			col.null[i] = true
			reason := errorText(err)
			if cp.c.Type == model.Bool {
				reason = referenceHint(p.t, *cp.c, raw, reason)
			}
			bad = append(bad, cellProblem{col: ci, value: raw, reason: reason})
			continue
		}
		col.set(i, v)
	}
	return bad
}

// text trims a cell and repairs its encoding: a cell that is not valid UTF-8
// comes from a file saved in Windows-1252 ("CSV (puntkomma-gescheiden)" in a
// Dutch Excel) and is decoded as such instead of being lost.
func text(cell string) string {
	for i := 0; i < len(cell); i++ {
		if cell[i] >= utf8.RuneSelf {
			return textSlow(cell)
		}
	}
	return trimASCIISpace(cell) // the common case, several times faster
}

// trimASCIISpace is strings.TrimSpace for ASCII text.
func trimASCIISpace(s string) string {
	for len(s) > 0 && asciiSpace(s[0]) {
		s = s[1:]
	}
	for len(s) > 0 && asciiSpace(s[len(s)-1]) {
		s = s[:len(s)-1]
	}
	return s
}

func asciiSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'
}

// textSlow is text for a cell that is not ASCII.
func textSlow(cell string) string {
	if !utf8.ValidString(cell) {
		if s, err := charmap.Windows1252.NewDecoder().String(cell); err == nil {
			cell = s
		} else {
			cell = strings.ToValidUTF8(cell, "\uFFFD")
		}
	}
	return strings.TrimSpace(cell)
}

// blankReason is the reason for a blank key or required value of c.
func blankReason(c model.Column) results.Text {
	var nl, en string
	switch c.Type {
	case model.Bool:
		nl, en = " (ja of nee)", " (ja or nee)"
	case model.Date, model.Timestamp:
		nl, en = " (een datum zoals 31-12-2025)", " (a date such as 31-12-2025)"
	case model.Enum:
		allowed := strings.Join(c.Values, ", ")
		nl, en = " (een van: "+allowed+")", " (one of "+allowed+")"
	}
	return results.Text{
		NL: c.Name + " is leeg; deze kolom moet in elke rij ingevuld zijn" + nl,
		EN: c.Name + " is blank; every row needs it" + en,
	}
}

// mapValue applies a manifest value mapping.
func mapValue(m map[string]string, raw string) (string, bool) { return lookupFold(m, raw) }

// value is one parsed value: s for text, n for everything else (see
// batchColumn).
type value struct {
	s string
	n int64
}

// parseValue converts one trimmed, non-empty export value to what the
// column's type stores.
func parseValue(c *model.Column, raw string, kind cellKind) (value, error) {
	switch c.Type {
	case model.Text:
		if isEmailColumn(c.Name) {
			return value{s: values.NormalizeEmail(raw)}, nil
		}
		return value{s: raw}, nil
	case model.Date:
		t, ok := serialDate(raw, kind)
		if !ok {
			if days, _, fast := fastDateTime(raw); fast {
				return value{n: days}, nil
			}
			var err error
			if t, err = values.ParseDate(raw); err != nil {
				return value{}, err
			}
		}
		return value{n: truncateDay(t).Unix() / secondsPerDay}, nil
	case model.Timestamp:
		t, ok := serialDate(raw, kind)
		if !ok {
			if _, micros, fast := fastDateTime(raw); fast {
				return value{n: micros}, nil
			}
			var err error
			if t, err = values.ParseTimestamp(raw); err != nil {
				return value{}, err
			}
		}
		return value{n: t.UnixMicro()}, nil
	case model.Bool:
		ok, err := values.ParseBool(raw)
		if err != nil {
			return value{}, err
		}
		if ok {
			return value{n: 1}, nil
		}
		return value{n: 0}, nil
	case model.Decimal:
		cents, err := parseAmount(raw, kind)
		return value{n: cents}, err
	case model.BSN:
		bsn, err := values.NormalizeBSN(raw)
		return value{s: bsn}, err
	case model.Enum:
		for _, v := range c.Values {
			if strings.EqualFold(v, raw) {
				return value{s: v}, nil
			}
		}
		allowed := strings.Join(c.Values, ", ")
		return value{}, &values.ParseError{Value: raw,
			Expected: fmt.Sprintf("one of %s; map the export's label to one of them under values: %s: in the manifest", allowed, c.Name),
			NL:       fmt.Sprintf("is geen toegestane waarde (%s); koppel deze waarde uit de export in het manifest onder values: %s: aan een van de toegestane waarden", allowed, c.Name)}
	}
	return value{}, &values.Error{
		NL: fmt.Sprintf("kolom %s heeft een onbekend type (%v)", c.Name, c.Type),
		EN: fmt.Sprintf("column %s has unknown type %v", c.Name, c.Type)}
}

const secondsPerDay = 24 * 60 * 60

// isEmailColumn says whether a text column holds e-mail addresses, which are
// lower-cased so that one address written in two ways matches itself.
func isEmailColumn(name string) bool { return name == "email" || strings.HasSuffix(name, "_email") }

// serialDate reads a workbook's date cell, stored as a serial day number.
func serialDate(raw string, kind cellKind) (time.Time, bool) {
	switch {
	case !kind.workbook:
		return time.Time{}, false
	case kind.date1904:
		return values.ExcelSerial1904(raw)
	}
	return values.ExcelSerial(raw)
}

// maxAmount is the largest amount DECIMAL(18,2) holds, in euro.
const maxAmount = 1e16

// parseAmount reads an amount in cents; a workbook's raw numeric cell is a
// plain float ("1234.5", "0.30000000000000004") and is rounded to cents.
func parseAmount(raw string, kind cellKind) (int64, error) {
	tooLarge := func() error {
		return &values.ParseError{Value: raw, Expected: "an amount below 10,000,000,000,000,000 euro",
			NL: "is een te groot bedrag; een bedrag moet onder 10.000.000.000.000.000 euro blijven"}
	}
	if kind.workbook && !strings.ContainsAny(raw, ",€") {
		// NaN and Inf fall through to ParseDecimal, which rejects them.
		if f, err := strconv.ParseFloat(raw, 64); err == nil && !math.IsNaN(f) && !math.IsInf(f, 0) {
			if math.Abs(f) >= maxAmount {
				return 0, tooLarge()
			}
			return int64(math.Round(f * 100)), nil
		}
	}
	cents, err := values.ParseDecimal(raw)
	if err != nil {
		return 0, err
	}
	if cents >= maxAmount*100 || cents <= -maxAmount*100 {
		return 0, tooLarge()
	}
	return cents, nil
}

func truncateDay(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// rejectDuplicates rejects, and deletes from the table, the rows of this
// input whose key an earlier loaded row of it has: the table finds them (a
// hash aggregate over the keys) into a temporary table, read back in pages
// of maxPendingRejects rows, so that neither the keys nor the duplicates
// stay in memory however large the export.
func rejectDuplicates(ctx context.Context, conn *sql.Conn, l *rowLoader) error {
	keys := l.t.KeyColumns()
	if len(keys) == 0 || l.in.RowsLoaded == 0 || l.f.Join != "" {
		// a join entry's rows repeat the key (a child's placements)
		return l.rejects.record(ctx, conn)
	}
	// Rows split from one cell ("1004, 1017") differ in the split column:
	// the same key with another split value is no duplicate.
	for _, c := range l.t.Columns {
		if _, split := l.f.Split[c.Name]; split && !slices.Contains(keys, c.Name) {
			keys = append(keys, c.Name)
		}
	}
	dups := fmt.Sprintf("avgaudit_dups_%d", sourceSeq.Add(1))
	keyList := strings.Join(keys, ", ")
	// Most exports have no duplicate keys: a count of the keys found more
	// than once says so, without the lists of rows per key below (which
	// cost several times as much).
	var dupKeys int64
	count := fmt.Sprintf("SELECT count(*) FROM (SELECT 1 FROM %s WHERE _file = ? GROUP BY %s HAVING count(*) > 1)", l.t.Name, keyList)
	if err := conn.QueryRowContext(ctx, count, l.label).Scan(&dupKeys); err != nil {
		return fmt.Errorf("find duplicate keys in %s: %w", l.t.Name, err)
	}
	if dupKeys == 0 {
		return l.rejects.record(ctx, conn)
	}
	create := fmt.Sprintf("CREATE TEMP TABLE %s AS SELECT unnest(list(_row ORDER BY _row)[2:]) AS _row, min(_row) AS first_row, concat_ws('+', %s) AS key FROM %s WHERE _file = ? GROUP BY %s HAVING count(*) > 1",
		dups, keyList, l.t.Name, keyList)
	if _, err := conn.ExecContext(ctx, create, l.label); err != nil {
		return fmt.Errorf("find duplicate keys in %s: %w", l.t.Name, err)
	}
	defer func() { _, _ = conn.ExecContext(context.WithoutCancel(ctx), "DROP TABLE IF EXISTS "+dups) }()
	keyCol := keyIndexes(l.t)[0]
	reason := duplicateReason(keys)
	found, after := 0, int64(-1)
	for {
		page, last, err := duplicatePage(ctx, conn, dups, after)
		if err != nil {
			return fmt.Errorf("find duplicate keys in %s: %w", l.t.Name, err)
		}
		if len(page) == 0 {
			break
		}
		rejects := make([]results.Reject, len(page))
		for i, d := range page {
			p := cellProblem{col: keyCol, value: d.key, reason: results.Text{NL: fmt.Sprintf(reason.NL, d.first), EN: fmt.Sprintf(reason.EN, d.first)}}
			rejects[i] = p.reject(l.label, l.f.Sheet, int(d.row), l.t, l.plan)
		}
		l.rejects.addLater(rejects)
		if err := l.rejects.record(ctx, conn); err != nil {
			return err
		}
		found += len(page)
		after = last
	}
	if found > 0 {
		del := fmt.Sprintf("DELETE FROM %s WHERE _file = ? AND _row IN (SELECT _row FROM %s)", l.t.Name, dups)
		if _, err := conn.ExecContext(ctx, del, l.label); err != nil {
			return fmt.Errorf("delete duplicate keys from %s: %w", l.t.Name, err)
		}
		l.in.RowsLoaded -= found
		l.in.RowsRejected += found
	}
	return l.rejects.record(ctx, conn)
}

// duplicateReason is the reason for a row whose key an earlier row has,
// with %d for that row.
func duplicateReason(keys []string) results.Text {
	key := strings.Join(keys, "+")
	return results.Text{
		NL: "dubbele " + key + ": rij %d heeft dezelfde waarde; elk record mag maar één keer in een export staan",
		EN: "duplicate " + key + ": row %d has the same key; each record may appear once per export",
	}
}

// duplicate is a row whose key the earlier row first has.
type duplicate struct {
	row, first int64
	key        string
}

// duplicatePage reads the next maxPendingRejects duplicates from table,
// in row order, after row after; it returns the last row read.
func duplicatePage(ctx context.Context, conn *sql.Conn, table string, after int64) ([]duplicate, int64, error) {
	rows, err := conn.QueryContext(ctx, "SELECT _row, first_row, key FROM "+table+" WHERE _row > ? ORDER BY _row LIMIT ?", after, maxPendingRejects)
	if err != nil {
		return nil, 0, err
	}
	defer rows.Close()
	var page []duplicate
	for rows.Next() {
		var d duplicate
		if err := rows.Scan(&d.row, &d.first, &d.key); err != nil {
			return nil, 0, err
		}
		page = append(page, d)
		after = d.row
	}
	return page, after, rows.Err()
}

func keyIndexes(t *model.Table) []int {
	var idx []int
	for i, c := range t.Columns {
		if c.Key {
			idx = append(idx, i)
		}
	}
	return idx
}
