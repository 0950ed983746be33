package profiles

import (
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"path"
	"slices"
	"sort"
	"strings"

	"github.com/avgaudit/avgaudit/ingest"
	"github.com/avgaudit/avgaudit/manifest"
	"github.com/avgaudit/avgaudit/model"
)

// maxDistinct is how many distinct values per column are read to propose
// value mappings; enum columns have far fewer labels.
const maxDistinct = 200

// Placement is one export (or sheet) placed on a canonical table.
type Placement struct {
	File, Sheet string
	Delimiter   string
	HeaderRow   int
	Result      Result
	Header      []string
	Values      map[string]map[string]string // canonical column -> label -> canonical value
	Notes       []string                     // things to review: unknown labels, headers left out
}

// Unplaced is an export (or sheet) that could not be placed, and why.
type Unplaced struct {
	File, Sheet string
	Reason      string
}

// Label names the file (and sheet) the way messages do.
func (u Unplaced) Label() string { return label(u.File, u.Sheet) }

// Label names the file (and sheet) the way messages do.
func (p Placement) Label() string { return label(p.File, p.Sheet) }

func label(file, sheet string) string {
	if sheet != "" {
		return fmt.Sprintf("%s [%s]", file, sheet)
	}
	return file
}

// Proposal is what Recognise made of a folder of exports.
type Proposal struct {
	Placed   []Placement
	Unplaced []Unplaced
	Products map[string]string // system -> product
	Guessed  map[string]bool   // system whose product no file name told
	Policy   string            // policy.yaml, when the folder has one
	AsOf     string            // the reference date the exports give (YYYY-MM-DD), if any
	AsOfFrom []string          // the exports that give AsOf
	// OtherDates are other reference dates exports give ("01-08-2026 in x.csv").
	OtherDates []string
}

// tableOrder ranks the canonical tables in model order, so the manifest
// lists a system's files as the documentation lists its tables.
var tableOrder = func() map[string]int {
	m := map[string]int{}
	for i, t := range model.Tables {
		m[t.Name] = i
	}
	return m
}()

// exportExts are the file types Recognise inspects; .txt is what Excel's
// "Unicode-tekst" and "Tekst (tab is scheidingsteken)" save.
var exportExts = map[string]bool{".csv": true, ".tsv": true, ".txt": true, ".xlsx": true, ".xlsm": true}

// otherSheets are spreadsheet formats that cannot be read, with what to do;
// Recognise lists them instead of passing them over in silence.
var otherSheets = map[string]string{
	".xls":     `an old Excel 97-2003 workbook (.xls), which cannot be read: open it in Excel and save it as "Excel-werkmap (.xlsx)"`,
	".xlsb":    `an Excel binary workbook (.xlsb), which cannot be read: open it in Excel and save it as "Excel-werkmap (.xlsx)"`,
	".ods":     `an OpenDocument spreadsheet (.ods), which cannot be read: open it and save it as "Excel 2007-365 (.xlsx)"`,
	".numbers": `a Numbers spreadsheet, which cannot be read: export it from Numbers as Excel (.xlsx)`,
}

// Recognise inspects every CSV, TSV, TXT and XLSX file under dir in fsys (each
// sheet of a workbook) and places it on a canonical table by its headers.
// Hidden files and Excel's lock files (~$...) are left alone. password, if
// not empty, opens password-protected workbooks.
func Recognise(fsys fs.FS, dir string, password string) (*Proposal, error) {
	files, err := exportFiles(fsys, dir)
	if err != nil {
		return nil, err
	}
	p := &Proposal{}
	var asOf []asOfVote
	for _, name := range files {
		rel := strings.TrimPrefix(name, dir+"/")
		if dir == "." {
			rel = name
		}
		if reason, ok := otherSheets[strings.ToLower(path.Ext(name))]; ok {
			p.Unplaced = append(p.Unplaced, Unplaced{File: rel, Reason: reason})
			continue
		}
		previews, err := ingest.Preview(fsys, name, ingest.PreviewOptions{SampleRows: 1, DistinctValues: maxDistinct, Password: password})
		if err != nil {
			p.Unplaced = append(p.Unplaced, Unplaced{File: rel, Reason: err.Error()})
			continue
		}
		for _, pv := range previews {
			pv.File = rel
			if p.place(pv) {
				if d, ok := exportDate(pv.Above); ok {
					asOf = append(asOf, asOfVote{date: d, label: pv.Label()})
				}
			}
		}
	}
	p.chooseAsOf(asOf)
	sort.SliceStable(p.Placed, func(i, j int) bool {
		return tableOrder[p.Placed[i].Result.Table] < tableOrder[p.Placed[j].Result.Table]
	})
	p.chooseProducts()
	if _, err := fs.Stat(fsys, path.Join(dir, "policy.yaml")); err == nil {
		p.Policy = "policy.yaml"
	}
	return p, nil
}

func exportFiles(fsys fs.FS, dir string) ([]string, error) {
	var files []string
	err := fs.WalkDir(fsys, dir, func(name string, d fs.DirEntry, err error) error {
		if err != nil {
			return fmt.Errorf("read %s: %w", name, err)
		}
		base := d.Name()
		if name != dir && (strings.HasPrefix(base, ".") || strings.HasPrefix(base, "~$")) {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		ext := strings.ToLower(path.Ext(base))
		if !d.IsDir() && (exportExts[ext] || otherSheets[ext] != "") {
			files = append(files, name)
		}
		return nil
	})
	sort.Strings(files)
	return files, err
}

// place matches one previewed table and records the outcome; it reports
// whether the table was placed.
func (p *Proposal) place(pv ingest.SheetPreview) bool {
	if pv.Err != nil {
		p.Unplaced = append(p.Unplaced, Unplaced{File: pv.File, Sheet: pv.Sheet, Reason: errorText(pv)})
		return false
	}
	r := Match(pv.Header, pv.File+" "+pv.Sheet)
	if !r.Placed() {
		p.Unplaced = append(p.Unplaced, Unplaced{File: pv.File, Sheet: pv.Sheet, Reason: r.Reason})
		return false
	}
	pl := Placement{File: pv.File, Sheet: pv.Sheet, Delimiter: pv.Delimiter, HeaderRow: pv.HeaderRow, Result: r, Header: pv.Header}
	for _, i := range slices.Sorted(maps.Keys(r.Columns)) {
		col := r.Columns[i]
		mapped, unknown := ValueMapping(r.Table, col, pv.Distinct[i])
		if len(mapped) > 0 {
			if pl.Values == nil {
				pl.Values = map[string]map[string]string{}
			}
			pl.Values[col] = mapped
		}
		if len(unknown) > 0 && col != "gender" {
			pl.Notes = append(pl.Notes, fmt.Sprintf("%s: labels not recognised: %s; map each under values: %s: to one of %s",
				pv.Header[i], strings.Join(quote(unknown), ", "), col, strings.Join(enumValues(r.Table, col), ", ")))
		}
		if n := countFold(pv.Header, pv.Header[i]); n > 1 {
			pl.Notes = append(pl.Notes, fmt.Sprintf("%s: the header has %d columns of this name; rename all but the one to load in the export", pv.Header[i], n))
		}
	}
	p.Placed = append(p.Placed, pl)
	return true
}

// countFold counts the cells equal to h but for case.
func countFold(header []string, h string) int {
	n := 0
	for _, c := range header {
		if strings.EqualFold(c, h) {
			n++
		}
	}
	return n
}

// errorText is the sheet's error without the file name in front of it
// (the comment names the file already), but with the row it is about.
func errorText(pv ingest.SheetPreview) string {
	var ie *ingest.InputError
	if !errors.As(pv.Err, &ie) {
		return pv.Err.Error()
	}
	if ie.Row > 0 {
		return fmt.Sprintf("row %d: %v", ie.Row, ie.Err)
	}
	return ie.Err.Error()
}

func enumValues(table, column string) []string {
	t, _ := model.Lookup(table)
	c, _ := t.Column(column)
	return c.Values
}

// chooseProducts names each system's product after the file and folder
// names of its exports (kidsadmin/..., konnect-export.xlsx, ...).
func (p *Proposal) chooseProducts() {
	p.Products, p.Guessed = map[string]string{}, map[string]bool{}
	votes := map[string]map[string]int{}
	for _, pl := range p.Placed {
		t, _ := model.Lookup(pl.Result.Table)
		if votes[t.System] == nil {
			votes[t.System] = map[string]int{}
		}
		key := Key(pl.File)
		for _, pr := range products {
			if pr.System == t.System && strings.Contains(key, pr.Hint) {
				votes[t.System][pr.Product]++
			}
		}
	}
	for sys, v := range votes {
		best := mostVoted(v)
		if best == "" {
			best = defaultProducts[sys]
		}
		if best == "" {
			best, p.Guessed[sys] = "onbekend", true
		}
		p.Products[sys] = best
	}
}

// mostVoted returns the name with the most votes, the first in sorted
// order on a tie; "" when there are none.
func mostVoted(votes map[string]int) string {
	best, n := "", 0
	for _, name := range slices.Sorted(maps.Keys(votes)) {
		if votes[name] > n {
			best, n = name, votes[name]
		}
	}
	return best
}

func quote(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = fmt.Sprintf("%q", s)
	}
	return out
}

// Manifest turns the proposal into a manifest, organisation named org.
func (p *Proposal) Manifest(org string) *manifest.Manifest {
	m := &manifest.Manifest{Version: manifest.Version, Organisation: org, AsOf: p.AsOf, Policy: p.Policy, Systems: map[string]*manifest.System{}}
	for _, pl := range p.Placed {
		t, _ := model.Lookup(pl.Result.Table)
		s := m.Systems[t.System]
		if s == nil {
			s = &manifest.System{Product: p.Products[t.System]}
			m.Systems[t.System] = s
		}
		f := &manifest.File{File: pl.File, Sheet: pl.Sheet, Table: t.Name, Columns: map[string]string{}, Values: pl.Values,
			System: t.System, Product: s.Product}
		if pl.Sheet == "" {
			f.Delimiter = pl.Delimiter
		}
		for i, col := range pl.Result.Columns {
			f.Columns[pl.Header[i]] = col
		}
		s.Files = append(s.Files, f)
	}
	return m
}

// Comments explains the proposal in the manifest it writes: per file the
// table and score, and what could not be placed and why.
func (p *Proposal) Comments() manifest.Comments {
	c := manifest.Comments{
		Head: []string{
			"Written by avgaudit init: each export was recognised from its header row.",
			"Review it: check that every file is the table named, that each column",
			"mapping is right, and fill in the products and the organisation.",
		},
		Files:   map[string][]string{},
		Systems: map[string][]string{},
	}
	c.Head = append(c.Head, p.asOfComments()...)
	for sys := range p.Guessed {
		c.Systems[sys] = []string{"product not recognised from the file names: fill in the product's name as the processor register writes it"}
	}
	for _, pl := range p.Placed {
		r := pl.Result
		lines := []string{fmt.Sprintf("recognised as %s: %s matched", r.Table, r.Score())}
		if pl.HeaderRow > 1 {
			lines = append(lines, fmt.Sprintf("header on row %d; the rows above it are skipped", pl.HeaderRow))
		}
		if r.RunnerUp != "" {
			lines = append(lines, "next best: "+r.RunnerUp)
		}
		var left []string
		for _, i := range r.Unplaced {
			left = append(left, pl.Header[i])
		}
		if len(left) > 0 {
			lines = append(lines, "not loaded: "+strings.Join(left, ", "))
		}
		lines = append(lines, pl.Notes...)
		c.Files[pl.Label()] = lines
	}
	if len(p.Unplaced) > 0 {
		c.Foot = append(c.Foot, "Could not place (add them above by hand if they hold a canonical table):")
		for _, u := range p.Unplaced {
			c.Foot = append(c.Foot, fmt.Sprintf("  %s: %s", u.Label(), u.Reason))
		}
	}
	return c
}
