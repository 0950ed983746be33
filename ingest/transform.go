package ingest

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/avgaudit/avgaudit/manifest"
	"github.com/avgaudit/avgaudit/model"
	"github.com/avgaudit/avgaudit/results"
)

// A row transform sits between the reader and the per-cell conversion for
// an export whose rows are not one record each: a wide export with one
// column per question (unpivot), cells with several ids (split), and
// canonical columns the export lacks that get one value (values: {system:
// Flexkids}, accounts.system from the product) or the export row (a
// record number such as note_id). It turns each export row into the rows
// of the canonical table, as cells the ordinary column plan reads: the
// export's own cells, then extra cells for what the manifest supplies.
// Exports without any of this are read as before, untouched.

// rowTransform is the transform of one input.
type rowTransform struct {
	t      *model.Table
	width  int        // cells of an export row (the header's width)
	shape  columnPlan // the plan of the export's own columns
	extras int        // extra cells after the export's own
	fixed  []fixedCell
	rowKey []int // extra cells that get the export row as the record number
	label  string
	// unpivot: question columns and where their question and cell go.
	pivot    []pivotColumn
	qCell    int  // extra cell with the question
	vCell    int  // extra cell with the answer
	hCell    int  // extra cell with the export header of the answer, for rejects
	vCol     int  // canonical column of the answer
	blankRow bool // a blank answer still gives a row (values: maps "")
	split    []splitCell
	fills    []bool // per canonical column: filled by the transform
}

type fixedCell struct {
	cell  int
	value string
}

type pivotColumn struct {
	src              int
	header, question string
}

type splitCell struct {
	cell int
	sep  string
}

// provided says which canonical columns of t the manifest entry f fills
// without an export column: fixed values, the unpivot's two columns, the
// record numbers and accounts.system (the system's product).
func provided(f *manifest.File, t *model.Table) map[string]bool {
	out := map[string]bool{}
	for c := range f.Joined {
		out[c] = true // a join entry adds it (join:)
	}
	for c := range f.Fixed {
		out[c] = true
	}
	if f.Unpivot != nil {
		for _, c := range f.Unpivot.Into {
			out[c] = true
		}
	}
	for _, c := range t.Columns {
		if c.RowKey {
			out[c.Name] = true
		}
	}
	for _, c := range t.Columns {
		if c.ProductDefault && strings.TrimSpace(f.Product) != "" {
			out[c.Name] = true
		}
	}
	return out
}

// needsTransform reports whether f asks for anything a transform does.
func needsTransform(f *manifest.File, t *model.Table, plan columnPlan) bool {
	if len(f.Fixed) > 0 || f.Unpivot != nil || len(f.Split) > 0 {
		return true
	}
	for i, c := range t.Columns {
		if plan.source[i] < 0 && (c.RowKey || c.ProductDefault) {
			return true
		}
	}
	return false
}

// newTransform builds the transform of an input whose export columns plan
// maps, and the plan that reads the rows it makes; nil when the input
// needs none.
func newTransform(f *manifest.File, t *model.Table, header []string, plan columnPlan) (*rowTransform, columnPlan, error) {
	if !needsTransform(f, t, plan) {
		return nil, plan, nil
	}
	tf := &rowTransform{t: t, width: plan.width, shape: plan, label: f.Label(), qCell: -1, vCell: -1, hCell: -1, vCol: -1, fills: make([]bool, len(t.Columns))}
	ext := columnPlan{source: slices.Clone(plan.source), header: slices.Clone(plan.header), width: plan.width}
	extra := func(ci int, name string) int {
		cell := tf.width + tf.extras
		tf.extras++
		if ci >= 0 {
			ext.source[ci], ext.header[ci] = cell, name
			tf.fills[ci] = true
		}
		return cell
	}
	colIndex := func(name string) int {
		for i, c := range t.Columns {
			if c.Name == name {
				return i
			}
		}
		return -1
	}
	for _, name := range slices.Sorted(maps.Keys(f.Fixed)) {
		ci := colIndex(name)
		if ci < 0 {
			continue // the manifest check reports it
		}
		if plan.source[ci] >= 0 {
			return nil, plan, bilingual(fmt.Sprintf("the export column %q and the manifest's values: %s: both fill %s; remove one of the two from the manifest", plan.header[ci], name, name),
				fmt.Sprintf("de exportkolom %q en values: %s: in het manifest vullen allebei %s; haal een van de twee uit het manifest", plan.header[ci], name, name))
		}
		tf.fixed = append(tf.fixed, fixedCell{extra(ci, "values: "+name), f.Fixed[name]})
	}
	for ci, c := range t.Columns {
		if c.ProductDefault && plan.source[ci] < 0 && ext.source[ci] < 0 && strings.TrimSpace(f.Product) != "" {
			tf.fixed = append(tf.fixed, fixedCell{extra(ci, "product"), strings.TrimSpace(f.Product)})
		}
	}
	if u := f.Unpivot; u != nil && len(u.Into) == 2 {
		q, v := colIndex(u.Into[0]), colIndex(u.Into[1])
		if q < 0 || v < 0 {
			return nil, plan, bilingual(fmt.Sprintf("unpivot: into: %v are not columns of %s; its columns: %s", u.Into, t.Name, strings.Join(t.ColumnNames(), ", ")),
				fmt.Sprintf("unpivot: into: %v zijn geen kolommen van %s; de kolommen: %s", u.Into, t.Name, strings.Join(t.ColumnNames(), ", ")))
		}
		for _, name := range u.Into {
			if ci := colIndex(name); plan.source[ci] >= 0 {
				return nil, plan, bilingual(fmt.Sprintf("the export column %q fills %s, which the manifest's unpivot fills too; remove one of the two from the manifest", plan.header[ci], name),
					fmt.Sprintf("de exportkolom %q vult %s, dat ook unpivot in het manifest vult; haal een van de twee uit het manifest", plan.header[ci], name))
			}
		}
		for _, h := range f.UnpivotHeaders() {
			src := -1
			for i, raw := range header {
				if strings.EqualFold(text(strings.TrimPrefix(raw, utf8BOM)), strings.TrimSpace(h)) {
					src = i
					break
				}
			}
			if src < 0 {
				continue // planColumns reports it
			}
			tf.pivot = append(tf.pivot, pivotColumn{src: src, header: text(header[src]), question: f.Unpivot.Columns[h]})
		}
		slices.SortFunc(tf.pivot, func(a, b pivotColumn) int { return a.src - b.src })
		tf.qCell = extra(q, "unpivot: "+u.Into[0])
		tf.vCell = extra(v, "")
		tf.hCell = extra(-1, "")
		tf.vCol = v
		_, tf.blankRow = lookupFold(f.Values[u.Into[1]], "")
	}
	for _, ci := range rowKeyColumns(t, ext) {
		tf.rowKey = append(tf.rowKey, extra(ci, t.Columns[ci].Name))
	}
	for _, name := range slices.Sorted(maps.Keys(f.Split)) {
		ci := colIndex(name)
		if ci < 0 || ext.source[ci] < 0 {
			return nil, plan, bilingual(fmt.Sprintf("split: %s: no export column fills %s; map the export column that holds the values to %s under columns: in the manifest", name, name, name),
				fmt.Sprintf("split: %s: geen exportkolom vult %s; koppel in het manifest onder columns: de exportkolom met de waarden aan %s", name, name, name))
		}
		tf.split = append(tf.split, splitCell{ext.source[ci], f.Split[name]})
	}
	ext.width = tf.width + tf.extras
	return tf, ext, nil
}

// rowKeyColumns are the record-number columns no export column fills.
func rowKeyColumns(t *model.Table, plan columnPlan) []int {
	var out []int
	for i, c := range t.Columns {
		if c.RowKey && plan.source[i] < 0 {
			out = append(out, i)
		}
	}
	return out
}

// expand appends to out the rows export row num with cells makes.
func (tf *rowTransform) expand(num int, cells []string, out [][]string) [][]string {
	base := make([]string, tf.width+tf.extras)
	copy(base, cells)
	for _, fc := range tf.fixed {
		base[fc.cell] = fc.value
	}
	if len(tf.rowKey) > 0 {
		key := model.RowKeyValue(tf.label, num)
		for _, c := range tf.rowKey {
			base[c] = key
		}
	}
	if tf.vCell < 0 {
		return tf.splitRows(base, 0, out)
	}
	for _, p := range tf.pivot {
		cell := ""
		if p.src < len(cells) {
			cell = cells[p.src]
		}
		if strings.TrimSpace(cell) == "" && !tf.blankRow {
			continue
		}
		row := slices.Clone(base)
		row[tf.qCell], row[tf.vCell], row[tf.hCell] = p.question, cell, p.header
		out = tf.splitRows(row, 0, out)
	}
	return out
}

// splitRows appends row once per value of each split cell from the i-th
// on: blank pieces are dropped and a value repeated in one cell counts
// once; a blank cell stays one row with a blank.
func (tf *rowTransform) splitRows(row []string, i int, out [][]string) [][]string {
	if i == len(tf.split) {
		return append(out, row)
	}
	s := tf.split[i]
	var pieces []string
	for _, p := range strings.Split(row[s.cell], s.sep) {
		if p = strings.TrimSpace(p); p != "" && !slices.Contains(pieces, p) {
			pieces = append(pieces, p)
		}
	}
	if len(pieces) <= 1 {
		if len(pieces) == 1 {
			row[s.cell] = pieces[0]
		}
		return tf.splitRows(row, i+1, out)
	}
	for _, p := range pieces {
		r := slices.Clone(row)
		r[s.cell] = p
		out = tf.splitRows(r, i+1, out)
	}
	return out
}

// planFor is the plan to name the columns of a rejected row by: the
// answer of an unpivot is named by the export column it came from.
func (tf *rowTransform) planFor(plan columnPlan, cells []string) columnPlan {
	if tf == nil || tf.vCol < 0 || tf.hCell >= len(cells) {
		return plan
	}
	p := plan
	p.header = slices.Clone(plan.header)
	p.header[tf.vCol] = cells[tf.hCell]
	return p
}

// transformReader reads the rows a transform makes of the rows of rr: all
// of them have the export row's number. An export row that does not line
// up with the header is passed on as a bad row, not transformed. It does
// not pass on a reader's reuse of its text blocks: the rows of one export
// row may fall in two batches, so their text must outlive the first.
type transformReader struct {
	rr    rowReader
	tf    *rowTransform
	kind  cellKind
	queue [][]string
	num   int
}

func (r *transformReader) Workbook() bool { return r.rr.Workbook() }

func (r *transformReader) Next() (int, []string, error) {
	for len(r.queue) == 0 {
		num, cells, err := r.rr.Next()
		if err != nil {
			return num, cells, err
		}
		problems := checkShape(r.tf.t, r.tf.shape, cells, r.kind)
		if len(problems) == 0 && !r.kind.workbook {
			problems = r.tf.shortOfQuestions(cells)
		}
		if len(problems) > 0 {
			p := problems[0]
			en, nl := p.reason.EN, p.reason.NL
			if h := p.value; p.col >= 0 || h != "" {
				if p.col >= 0 {
					h = r.tf.shape.header[p.col]
				}
				en = fmt.Sprintf("column %q: %s", h, en)
				nl = fmt.Sprintf("kolom %q: %s", h, nl)
			}
			return num, nil, &badRowError{Line: num, LastLine: num, NotRecord: true, Err: &textError{en: en, nl: nl}}
		}
		r.num = num
		r.queue = r.tf.expand(num, cells, r.queue[:0])
	}
	row := r.queue[0]
	r.queue = r.queue[1:]
	return r.num, row, nil
}

// columnInfos describes what the transform fills, for the columns table:
// each question column of an unpivot as the answer column, and the
// canonical columns filled without an export column (position 0, no
// header), so the audit knows they were supplied.
func (tf *rowTransform) columnInfos(f *manifest.File, headerRow int, header []string) []ColumnInfo {
	if tf == nil {
		return nil
	}
	label := f.Label()
	var cols []ColumnInfo
	for _, p := range tf.pivot {
		cols = append(cols, ColumnInfo{File: label, Sheet: f.Sheet, Table: tf.t.Name, HeaderRow: headerRow, Position: p.src + 1, Header: p.header, Column: tf.t.Columns[tf.vCol].Name})
	}
	for ci, src := range tf.shape.source {
		if src < 0 && ci != tf.vCol && tf.fills[ci] {
			cols = append(cols, ColumnInfo{File: label, Sheet: f.Sheet, Table: tf.t.Name, HeaderRow: headerRow, Column: tf.t.Columns[ci].Name})
		}
	}
	return cols
}

// bilingual is an error with its Dutch text (see values.Dutch).
func bilingual(en, nl string) error { return &textError{en: en, nl: nl} }

// shortOfQuestions rejects a text row that ends before a question column,
// as checkShape does for the mapped ones; the problem's value is the
// column's header.
func (tf *rowTransform) shortOfQuestions(cells []string) []cellProblem {
	for _, p := range tf.pivot {
		if p.src >= len(cells) {
			return []cellProblem{{col: -1, value: p.header, reason: results.Text{
				NL: fmt.Sprintf("de rij houdt op na %s, vóór deze kolom (de kopregel heeft %s); waarschijnlijk staat in een waarde een regelovergang (Enter) zonder aanhalingstekens om de waarde heen", countNL(len(cells), "cel", "cellen"), countNL(tf.width, "kolom", "kolommen")),
				EN: fmt.Sprintf("the row ends after %d cells, before this column (the header has %d); a value may contain a line break without quotes around it", len(cells), tf.width),
			}}}
		}
	}
	return nil
}
