package ingest

import (
	"errors"
	"fmt"
	"github.com/avgaudit/avgaudit/vocab"
	"io"
	"io/fs"
	"maps"
	"path"
	"slices"
	"strings"
)

// PreviewOptions say how much of a table Preview reads.
type PreviewOptions struct {
	SampleRows int    // data rows kept in SheetPreview.Rows (default 5)
	Password   string // opens password-protected workbooks
	// DistinctValues, when above 0, makes Preview read every row and keep up
	// to this many distinct values per column (to propose value mappings).
	DistinctValues int
}

// SheetPreview is the start of one table in an export: a delimited text
// file, or one sheet of a workbook.
type SheetPreview struct {
	File      string     // path in the file system
	Sheet     string     // the sheet; "" for delimited text
	Delimiter string     // the delimiter of delimited text, sniffed over the first lines
	HeaderRow int        // the header's row number in the file, 0 if none
	Header    []string   // the header cells, trimmed
	Above     [][]string // the filled rows above the header (titles, "Peildatum: 01-09-2026"), raw values
	Rows      [][]string // the first data rows (raw values: serial numbers for workbook dates)
	DataRows  int        // data rows read: all of them when DistinctValues is set
	Distinct  [][]string // per header cell, sorted distinct values (when DistinctValues is set)
	More      []bool     // per header cell, whether there were more distinct values than kept
	Blanks    []int      // per header cell, the data rows where it is blank (when DistinctValues is set)
	Err       error      // why the table cannot be read (e.g. two tables in one sheet); an *InputError where it is about a row
}

// Label names the file (and sheet) the way messages do.
func (p *SheetPreview) Label() string {
	if p.Sheet != "" {
		return fmt.Sprintf("%s [%s]", p.File, p.Sheet)
	}
	return p.File
}

// Preview reads the start of the export name in fsys: for delimited text one
// preview, for a workbook one per sheet. An error means the file itself
// cannot be read; a sheet's own problem is in its Err.
func Preview(fsys fs.FS, name string, opt PreviewOptions) ([]SheetPreview, error) {
	if opt.SampleRows <= 0 {
		opt.SampleRows = 5
	}
	switch strings.ToLower(path.Ext(name)) {
	case ".xlsx", ".xlsm":
		return previewWorkbook(fsys, name, opt)
	}
	p, err := previewText(fsys, name, opt)
	if err != nil {
		return nil, err
	}
	return []SheetPreview{p}, nil
}

func previewWorkbook(fsys fs.FS, name string, opt PreviewOptions) ([]SheetPreview, error) {
	books := newWorkbooks(opt.Password, "")
	defer books.close()
	book, err := books.get(fsys, name)
	if err != nil {
		return nil, vocab.Wrapf(err, "lees %s", "read %s", name)
	}
	var out []SheetPreview
	for _, sheet := range book.sheetNames() {
		p := SheetPreview{File: name, Sheet: sheet}
		sr, err := book.rows(sheet)
		if err != nil {
			p.Err = err
		} else {
			p.read(sr, opt)
		}
		out = append(out, p)
	}
	return out, nil
}

func previewText(fsys fs.FS, name string, opt PreviewOptions) (SheetPreview, error) {
	p := SheetPreview{File: name}
	fh, err := fsys.Open(name)
	if err != nil {
		return p, vocab.Wrapf(err, "lees %s", "read %s", name)
	}
	defer fh.Close()
	cr, err := newCSVReader(fh, 0)
	if err != nil {
		return p, vocab.Wrapf(err, "lees %s", "read %s", name)
	}
	p.Delimiter = string(cr.delim)
	p.read(cr, opt)
	return p, nil
}

// read fills the preview from rr: the header, sample rows and, if asked,
// the distinct values of every row.
func (p *SheetPreview) read(rr rowReader, opt PreviewOptions) {
	hr, err := detectHeader(rr, p.Label())
	if err != nil {
		p.Err = err
		return
	}
	if h, ok := hr.(*headerReader); ok {
		for _, r := range h.above {
			if r.err == nil && filled(r.cells) > 0 {
				p.Above = append(p.Above, textCells(r.cells))
			}
		}
	}
	num, header, err := hr.Next()
	if errors.Is(err, io.EOF) {
		p.Err = vocab.Errorf("leeg: geen kopregel met kolomnamen", "empty: no header row with column names")
		return
	}
	if err != nil {
		p.Err = err
		return
	}
	p.HeaderRow = num
	p.Header = make([]string, len(header))
	for i, h := range header {
		p.Header[i] = text(strings.TrimPrefix(h, utf8BOM))
	}
	seen := make([]map[string]bool, len(header))
	for i := range seen {
		seen[i] = map[string]bool{}
	}
	p.More = make([]bool, len(header))
	p.Blanks = make([]int, len(header))
	for opt.DistinctValues > 0 || len(p.Rows) < opt.SampleRows {
		num, cells, err := hr.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		var bad *badRowError
		if errors.As(err, &bad) {
			continue
		}
		if err != nil {
			p.Err = &InputError{File: p.Label(), Row: num, Err: err}
			return
		}
		p.DataRows++
		row := textCells(cells)
		if len(p.Rows) < opt.SampleRows {
			p.Rows = append(p.Rows, row)
		}
		p.collect(seen, row, opt.DistinctValues)
	}
	if opt.DistinctValues > 0 {
		p.Distinct = make([][]string, len(header))
		for i, s := range seen {
			p.Distinct[i] = slices.Sorted(maps.Keys(s))
		}
	}
}

// textCells is cells as text (see text), in a new slice.
func textCells(cells []string) []string {
	out := make([]string, len(cells))
	for i, c := range cells {
		out[i] = text(c)
	}
	return out
}

func (p *SheetPreview) collect(seen []map[string]bool, row []string, limit int) {
	if limit > 0 {
		for i := len(row); i < len(seen); i++ {
			p.Blanks[i]++ // a short row: the cells after its last are blank
		}
	}
	for i := 0; i < len(row) && i < len(seen) && limit > 0; i++ {
		v := row[i]
		if v == "" {
			p.Blanks[i]++
			continue
		}
		if seen[i][v] {
			continue
		}
		if len(seen[i]) >= limit {
			p.More[i] = true
			continue
		}
		seen[i][v] = true
	}
}
