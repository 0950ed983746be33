package ingest

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"io"
	"math"
	"math/big"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
	"unsafe"

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

// appendRows parses and appends every data row, collecting rejects. Reading
// and parsing run in one goroutine, appending in another (the appender's one
// cgo call per value is as costly as the parsing), handing over batches of
// rows in order.
func appendRows(ctx context.Context, conn *sql.Conn, f *manifest.File, t *model.Table, plan columnPlan, rr rowReader, kind cellKind, in *results.Input, scan *bsnScan, tick func(rows int)) ([]results.Reject, error) {
	p := &rowParser{f: f, t: t, plan: plan, rr: rr, kind: kind, in: in, scan: scan, tick: tick,
		label: f.Label(), labelBytes: []byte(f.Label()), keyCols: keyIndexes(t), firstSeen: map[string]int{}}
	err := conn.Raw(func(dc any) error {
		app, err := duckdb.NewAppenderFromConn(dc.(driver.Conn), "", t.Name)
		if err != nil {
			return fmt.Errorf("appender for %s: %w", t.Name, err)
		}
		ctx, cancel := context.WithCancel(ctx)
		defer cancel()
		full := make(chan *rowBatch, batchesInFlight-1)
		free := make(chan *rowBatch, batchesInFlight)
		for range batchesInFlight {
			free <- newRowBatch(len(t.Columns) + 2)
		}
		parsed := make(chan error, 1)
		go func() {
			parsed <- p.run(ctx, full, free)
			close(full)
		}()
		var appendErr error
		for b := range full {
			if appendErr == nil {
				if appendErr = b.appendTo(app, p.label); appendErr != nil {
					cancel()
				}
			}
			free <- b
		}
		parseErr := <-parsed
		closeErr := app.Close()
		switch {
		case appendErr != nil:
			return appendErr
		case parseErr != nil:
			return parseErr
		case closeErr != nil:
			return fmt.Errorf("store rows of %s: %w", t.Name, closeErr)
		}
		return nil
	})
	return p.rejects, err
}

// Rows are handed from the parser to the appender in batches of batchRows;
// batchesInFlight bounds the memory this takes.
const (
	batchRows       = 1024
	batchesInFlight = 3
)

// rowBatch holds parsed rows, each with the canonical columns followed by
// _file and _row, and the row numbers.
type rowBatch struct {
	rows [][]driver.Value
	nums []int
	n    int
}

func newRowBatch(width int) *rowBatch {
	b := &rowBatch{rows: make([][]driver.Value, batchRows), nums: make([]int, batchRows)}
	for i := range b.rows {
		b.rows[i] = make([]driver.Value, width)
	}
	return b
}

func (b *rowBatch) appendTo(app *duckdb.Appender, label string) error {
	for i := range b.n {
		if err := app.AppendRow(b.rows[i]...); err != nil {
			return &InputError{File: label, Row: b.nums[i], Err: fmt.Errorf("store row: %w", err)}
		}
	}
	return nil
}

// rowParser reads, checks and parses the rows of one input. Only its own
// goroutine touches it until run returns.
type rowParser struct {
	f          *manifest.File
	t          *model.Table
	plan       columnPlan
	rr         rowReader
	kind       cellKind
	in         *results.Input
	scan       *bsnScan
	tick       func(rows int)
	label      string
	labelBytes []byte // label as the appender takes it
	keyCols    []int
	firstSeen  map[string]int
	rejects    []results.Reject
}

// run sends batches of parsed rows to full, taking empty ones from free.
func (p *rowParser) run(ctx context.Context, full, free chan *rowBatch) error {
	var b *rowBatch
	for n := 0; ; n++ {
		if n%4096 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
			if p.tick != nil {
				p.tick(n)
			}
		}
		if b == nil {
			select {
			case b = <-free:
				b.n = 0
			case <-ctx.Done():
				return ctx.Err()
			}
		}
		rowNum, cells, err := p.rr.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			var bad *badRowError
			if !errors.As(err, &bad) {
				return &InputError{File: p.label, Row: rowNum, Err: err}
			}
			p.in.RowsRead++
			p.reject(rowNum, []cellProblem{{col: -1, reason: bad.Error()}})
			continue
		}
		p.in.RowsRead++
		if !p.parse(rowNum, cells, b.rows[b.n]) {
			continue
		}
		b.nums[b.n] = rowNum
		b.n++
		if b.n == batchRows {
			if err := send(ctx, full, b); err != nil {
				return err
			}
			b = nil
		}
	}
	if b != nil && b.n > 0 {
		return send(ctx, full, b)
	}
	return nil
}

func send(ctx context.Context, full chan *rowBatch, b *rowBatch) error {
	select {
	case full <- b:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// parse fills row from cells; it rejects the row and returns false if a
// value cannot be used or the key was seen before.
func (p *rowParser) parse(rowNum int, cells []string, row []driver.Value) bool {
	p.scan.row(rowNum, cells)
	t := p.t
	problems := checkShape(t, p.plan, cells, p.kind)
	if len(problems) == 0 {
		problems = parseRow(p.f, t, p.plan, cells, p.kind, row)
	}
	var key string
	if len(problems) == 0 && len(p.keyCols) > 0 {
		key, _ = keyOf(row, p.keyCols)
		if first, dup := p.firstSeen[key]; dup {
			problems = append(problems, cellProblem{col: p.keyCols[0], value: strings.ReplaceAll(key, "\x1f", "+"),
				reason: fmt.Sprintf("duplicate %s: row %d has the same key; each record may appear once per export", strings.Join(t.KeyColumns(), "+"), first)})
		}
	}
	if len(problems) > 0 {
		p.reject(rowNum, problems)
		return false
	}
	row[len(t.Columns)] = p.labelBytes
	row[len(t.Columns)+1] = int64(rowNum)
	if len(p.keyCols) > 0 {
		p.firstSeen[key] = rowNum // only loaded rows count as seen
	}
	p.in.RowsLoaded++
	return true
}

func (p *rowParser) reject(rowNum int, bad []cellProblem) {
	p.in.RowsRejected++
	for _, c := range bad {
		p.rejects = append(p.rejects, c.reject(p.label, p.f.Sheet, rowNum, p.t, p.plan))
	}
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

func keyOf(row []driver.Value, cols []int) (string, bool) {
	parts := make([]string, len(cols))
	for i, c := range cols {
		b, ok := row[c].([]byte)
		if !ok {
			return "", false
		}
		parts[i] = string(b)
	}
	return strings.Join(parts, "\x1f"), true
}

// checkShape rejects rows whose cells do not line up with the header. In
// delimited text every row has all its separators (Excel writes them even
// for empty cells), so a row that ends before a loaded column, or has filled
// cells beyond the header, was most likely split or joined by a line break
// or a delimiter inside an unquoted value. Sheets have no such problem, and
// excelize leaves out trailing empty cells, so short sheet rows are fine.
func checkShape(t *model.Table, plan columnPlan, cells []string, kind cellKind) []cellProblem {
	extra := 0
	for i := plan.width; i < len(cells); i++ {
		if strings.TrimSpace(cells[i]) != "" {
			extra++
		}
	}
	if extra > 0 {
		return []cellProblem{{col: -1, reason: fmt.Sprintf("the row has %d more filled cells than the header has columns; a value may contain the delimiter without quotes around it", extra)}}
	}
	if kind.workbook {
		return nil
	}
	for i, src := range plan.source {
		if src >= len(cells) {
			return []cellProblem{{col: i, reason: fmt.Sprintf("the row ends after %d cells, before this column (the header has %d); a value may contain a line break without quotes around it", len(cells), plan.width)}}
		}
	}
	return nil
}

type cellProblem struct {
	col    int // canonical column index, -1 for the row as a whole
	value  string
	reason string
}

// reject describes the problem for the user. BSNs never appear in full: not
// in the value and not in the reason, which may quote the value.
func (p cellProblem) reject(file, sheet string, row int, t *model.Table, plan columnPlan) results.Reject {
	r := results.Reject{File: file, Sheet: sheet, Row: row, Reason: values.MaskBSNsInText(p.reason)}
	if p.col >= 0 {
		r.Column = plan.header[p.col]
		if t.Columns[p.col].Type == model.BSN {
			r.Value = values.MaskBSN(p.value)
			r.Reason = strings.ReplaceAll(r.Reason, strconv.Quote(p.value), strconv.Quote(r.Value))
		} else {
			r.Value = values.MaskBSNsInText(p.value)
		}
	}
	return r
}

// parseRow fills row with the typed values of cells; it returns the cells it
// could not use. Cells past the end of a (sheet) row are blank.
func parseRow(f *manifest.File, t *model.Table, plan columnPlan, cells []string, kind cellKind, row []driver.Value) []cellProblem {
	var bad []cellProblem
	for i, c := range t.Columns {
		row[i] = nil
		src := plan.source[i]
		raw := ""
		if src >= 0 && src < len(cells) {
			raw = text(cells[src])
		}
		if mapped, ok := mapValue(f.Values[c.Name], raw); ok {
			raw = mapped
		}
		if raw == "" {
			if src >= 0 && (c.Key || (c.Required && !c.MayBeEmpty)) {
				bad = append(bad, cellProblem{col: i, reason: fmt.Sprintf("%s is blank; every row needs it%s", c.Name, expectedForm(c))})
			}
			continue
		}
		v, err := parseValue(c, raw, kind)
		if err != nil {
			bad = append(bad, cellProblem{col: i, value: raw, reason: err.Error()})
			continue
		}
		row[i] = v
	}
	return bad
}

// text trims a cell and repairs its encoding: a cell that is not valid UTF-8
// comes from a file saved in Windows-1252 ("CSV (puntkomma-gescheiden)" in a
// Dutch Excel) and is decoded as such instead of being lost.
func text(cell string) string {
	if !utf8.ValidString(cell) {
		if s, err := charmap.Windows1252.NewDecoder().String(cell); err == nil {
			cell = s
		} else {
			cell = strings.ToValidUTF8(cell, "\uFFFD")
		}
	}
	return strings.TrimSpace(cell)
}

func expectedForm(c model.Column) string {
	switch c.Type {
	case model.Bool:
		return " (ja or nee)"
	case model.Date, model.Timestamp:
		return " (a date such as 31-12-2025)"
	case model.Enum:
		return " (one of " + strings.Join(c.Values, ", ") + ")"
	}
	return ""
}

// mapValue applies a manifest value mapping.
func mapValue(m map[string]string, raw string) (string, bool) { return lookupFold(m, raw) }

// parseValue converts one trimmed, non-empty export value to the Go value the
// appender stores for the column's type.
func parseValue(c model.Column, raw string, kind cellKind) (driver.Value, error) {
	switch c.Type {
	case model.Text:
		if isEmailColumn(c.Name) {
			return textValue(values.NormalizeEmail(raw)), nil
		}
		return textValue(raw), nil
	case model.Date:
		if t, ok := serialDate(raw, kind); ok {
			return truncateDay(t), nil
		}
		return values.ParseDate(raw)
	case model.Timestamp:
		if t, ok := serialDate(raw, kind); ok {
			return t, nil
		}
		return values.ParseTimestamp(raw)
	case model.Bool:
		return values.ParseBool(raw)
	case model.Decimal:
		cents, err := parseAmount(raw, kind)
		if err != nil {
			return nil, err
		}
		return duckdb.Decimal{Width: 18, Scale: 2, Value: big.NewInt(cents)}, nil
	case model.BSN:
		bsn, err := values.NormalizeBSN(raw)
		if err != nil {
			return nil, err
		}
		return textValue(bsn), nil
	case model.Enum:
		for _, v := range c.Values {
			if strings.EqualFold(v, raw) {
				return textValue(v), nil
			}
		}
		return nil, fmt.Errorf("%q is not one of %s; map the export's label to one of them under values: %s: in the manifest",
			raw, strings.Join(c.Values, ", "), c.Name)
	}
	return nil, fmt.Errorf("column %s has unknown type %v", c.Name, c.Type)
}

// textValue hands a string to the appender as bytes that share its memory:
// the appender would otherwise copy every string into a new []byte before
// DuckDB copies it once more into its vector. Nothing writes to these bytes.
func textValue(s string) []byte { return unsafe.Slice(unsafe.StringData(s), len(s)) }

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
	tooLarge := &values.ParseError{Value: raw, Expected: "an amount below 10,000,000,000,000,000 euro"}
	if kind.workbook && !strings.ContainsAny(raw, ",€") {
		if f, err := strconv.ParseFloat(raw, 64); err == nil {
			if math.IsNaN(f) || math.IsInf(f, 0) {
				return 0, &values.ParseError{Value: raw, Expected: "an amount such as 1234,56"}
			}
			if math.Abs(f) >= maxAmount {
				return 0, tooLarge
			}
			return int64(math.Round(f * 100)), nil
		}
	}
	cents, err := values.ParseDecimal(raw)
	if err != nil {
		return 0, err
	}
	if cents >= maxAmount*100 || cents <= -maxAmount*100 {
		return 0, tooLarge
	}
	return cents, nil
}

func truncateDay(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}
