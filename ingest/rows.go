package ingest

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

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
// and parsing run in one goroutine, appending in another, handing over
// batches of rows in order. A batch holds its rows column by column, in the
// form DuckDB's vectors take, so that appending copies whole columns.
func appendRows(ctx context.Context, conn *sql.Conn, f *manifest.File, t *model.Table, plan columnPlan, rr rowReader, kind cellKind, in *results.Input, scan *bsnScan, tick func(rows int)) ([]results.Reject, error) {
	p := &rowParser{f: f, t: t, plan: plan, rr: rr, kind: kind, in: in, scan: scan, tick: tick,
		label: f.Label(), keyCols: keyIndexes(t), firstSeen: map[string]int{}}
	err := conn.Raw(func(dc any) error {
		app, err := newBatchAppender(dc.(driver.Conn), t, p.label)
		if err != nil {
			return fmt.Errorf("appender for %s: %w", t.Name, err)
		}
		ctx, cancel := context.WithCancel(ctx)
		defer cancel()
		full := make(chan *rowBatch, batchesInFlight-1)
		free := make(chan *rowBatch, batchesInFlight)
		for range batchesInFlight {
			free <- newRowBatch(t)
		}
		parsed := make(chan error, 1)
		go func() {
			parsed <- p.run(ctx, full, free)
			close(full)
		}()
		var appendErr error
		for b := range full {
			if appendErr == nil {
				if appendErr = app.append(b); appendErr != nil {
					appendErr = &InputError{File: p.label, Row: int(b.nums[0]), Err: fmt.Errorf("store rows: %w", appendErr)}
					cancel()
				}
			}
			free <- b
		}
		parseErr := <-parsed
		closeErr := app.close()
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

// Rows are handed from the parser to the appender in batches of batchRows,
// the size of one DuckDB data chunk; batchesInFlight bounds the memory this
// takes.
const (
	batchRows       = 2048
	batchesInFlight = 4
)

// rowBatch holds parsed rows column by column: the canonical columns, then
// the row numbers (_row); _file is the same for every row.
type rowBatch struct {
	cols []batchColumn
	nums []int64
	n    int
}

// batchColumn is one canonical column of a batch. Text, BSN and enum values
// are in str; dates as days since 1970-01-01, timestamps as microseconds
// since 1970-01-01 00:00 UTC, booleans as 0 or 1 and amounts in cents are in
// num.
type batchColumn struct {
	typ  model.Type
	null []bool
	str  []string
	num  []int64
}

func newRowBatch(t *model.Table) *rowBatch {
	b := &rowBatch{cols: make([]batchColumn, len(t.Columns)), nums: make([]int64, batchRows)}
	for i, c := range t.Columns {
		col := &b.cols[i]
		col.typ = c.Type
		col.null = make([]bool, batchRows)
		if isText(c.Type) {
			col.str = make([]string, batchRows)
		} else {
			col.num = make([]int64, batchRows)
		}
	}
	return b
}

// isText says whether values of type t are stored as text.
func isText(t model.Type) bool { return t == model.Text || t == model.BSN || t == model.Enum }

// set stores v as row i of column c.
func (c *batchColumn) set(i int, v value) {
	c.null[i] = false
	if c.str != nil {
		c.str[i] = v.s
	} else {
		c.num[i] = v.n
	}
}

// rowParser reads, checks and parses the rows of one input. Only its own
// goroutine touches it until run returns.
type rowParser struct {
	f         *manifest.File
	t         *model.Table
	plan      columnPlan
	rr        rowReader
	kind      cellKind
	in        *results.Input
	scan      *bsnScan
	tick      func(rows int)
	label     string
	keyCols   []int
	firstSeen map[string]int
	rejects   []results.Reject
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
		if !p.parse(rowNum, cells, b, b.n) {
			continue
		}
		b.nums[b.n] = int64(rowNum)
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

// parse fills row i of b from cells; it rejects the row and returns false
// if a value cannot be used or the key was seen before.
func (p *rowParser) parse(rowNum int, cells []string, b *rowBatch, i int) bool {
	p.scan.row(rowNum, cells)
	t := p.t
	problems := checkShape(t, p.plan, cells, p.kind)
	if len(problems) == 0 {
		problems = parseRow(p.f, t, p.plan, cells, p.kind, b, i)
	}
	var key string
	if len(problems) == 0 && len(p.keyCols) > 0 {
		key = keyOf(b, i, p.keyCols)
		if first, dup := p.firstSeen[key]; dup {
			problems = append(problems, cellProblem{col: p.keyCols[0], value: strings.ReplaceAll(key, "\x1f", "+"),
				reason: fmt.Sprintf("duplicate %s: row %d has the same key; each record may appear once per export", strings.Join(t.KeyColumns(), "+"), first)})
		}
	}
	if len(problems) > 0 {
		p.reject(rowNum, problems)
		return false
	}
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

// keyOf joins the (text) key columns of row i.
func keyOf(b *rowBatch, i int, cols []int) string {
	parts := make([]string, len(cols))
	for j, c := range cols {
		parts[j] = b.cols[c].str[i]
	}
	return strings.Join(parts, "\x1f")
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

// parseRow fills row i of b with the typed values of cells; it returns the
// cells it could not use. Cells past the end of a (sheet) row are blank.
func parseRow(f *manifest.File, t *model.Table, plan columnPlan, cells []string, kind cellKind, b *rowBatch, i int) []cellProblem {
	var bad []cellProblem
	for ci, c := range t.Columns {
		col := &b.cols[ci]
		col.null[i] = true
		src := plan.source[ci]
		raw := ""
		if src >= 0 && src < len(cells) {
			raw = text(cells[src])
		}
		if m := f.Values[c.Name]; len(m) > 0 {
			if mapped, ok := mapValue(m, raw); ok {
				raw = mapped
			}
		}
		if raw == "" {
			if src >= 0 && (c.Key || (c.Required && !c.MayBeEmpty)) {
				bad = append(bad, cellProblem{col: ci, reason: fmt.Sprintf("%s is blank; every row needs it%s", c.Name, expectedForm(c))})
			}
			continue
		}
		v, err := parseValue(c, raw, kind)
		if err != nil {
			bad = append(bad, cellProblem{col: ci, value: raw, reason: err.Error()})
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

// value is one parsed value: s for text, n for everything else (see
// batchColumn).
type value struct {
	s string
	n int64
}

// parseValue converts one trimmed, non-empty export value to what the
// column's type stores.
func parseValue(c model.Column, raw string, kind cellKind) (value, error) {
	switch c.Type {
	case model.Text:
		if isEmailColumn(c.Name) {
			return value{s: values.NormalizeEmail(raw)}, nil
		}
		return value{s: raw}, nil
	case model.Date:
		t, ok := serialDate(raw, kind)
		if !ok {
			var err error
			if t, err = values.ParseDate(raw); err != nil {
				return value{}, err
			}
		}
		return value{n: truncateDay(t).Unix() / secondsPerDay}, nil
	case model.Timestamp:
		t, ok := serialDate(raw, kind)
		if !ok {
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
		return value{}, fmt.Errorf("%q is not one of %s; map the export's label to one of them under values: %s: in the manifest",
			raw, strings.Join(c.Values, ", "), c.Name)
	}
	return value{}, fmt.Errorf("column %s has unknown type %v", c.Name, c.Type)
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
