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
	"unicode"

	"github.com/avgaudit/avgaudit/ingest"
	"github.com/avgaudit/avgaudit/manifest"
	"github.com/avgaudit/avgaudit/model"
	"github.com/avgaudit/avgaudit/values"
	"github.com/avgaudit/avgaudit/vocab"
)

// maxDistinct is how many distinct values per column are read to propose
// value mappings (enum columns have far fewer labels) and to find the
// columns that hold another export's keys.
const maxDistinct = 5000

// Placement is one export (or sheet) placed on a canonical table.
type Placement struct {
	File, Sheet string
	Delimiter   string
	HeaderRow   int
	Result      Result
	Header      []string
	Values      map[string]map[string]string // canonical column -> label -> canonical value
	// ValueComments are, per canonical column and label, what to review
	// about a proposed value ("REVIEW: proposed by its words").
	ValueComments map[string]map[string]vocab.Text
	Notes         []vocab.Text // things to review: unknown labels, headers left out
	Draft         bool         // a required column is missing: an entry to complete by hand
	// Unpivot, when the export has one column per consent question.
	Unpivot *Unpivot
	// Fixed are canonical columns the export lacks with one value for
	// every row (accounts.system: the product of the export).
	Fixed map[string]string
	// Split are the columns whose cells hold several ids, with the
	// separator ("," in "K1, K2").
	Split map[string]string
	// Join is the key column by which this export adds its columns to
	// the rows of another export of the same table (a placements sheet to
	// the children's sheet): manifest join:.
	Join string
	// JoinTo names that other export.
	JoinTo string
	// Lookup are the columns whose values are the administration's child
	// numbers, to be looked up in the system's children (manifest lookup:).
	Lookup map[string]string
	// Also marks the second table an export fills: a wide consent export
	// that names the portal's children and their administration numbers
	// is also the portal's list of children.
	Also bool
}

// Unplaced is an export (or sheet) that could not be placed, and why.
type Unplaced struct {
	File, Sheet string
	Reason      vocab.Text
	// Draft is the entry for the table the export comes closest to, when
	// only required columns are missing: written into the manifest for the
	// user to complete.
	Draft *Placement
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
	registerNames []string    // the systems the processor register names
	registerText  [][2]string // per row of the register: its system, and its other cells
	OtherDates    []string
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
var otherSheets = map[string]vocab.Text{
	".xls": {NL: `een oude Excel 97-2003-werkmap (.xls), die niet gelezen kan worden: open hem in Excel en sla hem op als "Excel-werkmap (.xlsx)"`,
		EN: `an old Excel 97-2003 workbook (.xls), which cannot be read: open it in Excel and save it as "Excel-werkmap (.xlsx)"`},
	".xlsb": {NL: `een binaire Excel-werkmap (.xlsb), die niet gelezen kan worden: open hem in Excel en sla hem op als "Excel-werkmap (.xlsx)"`,
		EN: `an Excel binary workbook (.xlsb), which cannot be read: open it in Excel and save it as "Excel-werkmap (.xlsx)"`},
	".ods": {NL: `een OpenDocument-rekenblad (.ods), dat niet gelezen kan worden: open het en sla het op als "Excel 2007-365 (.xlsx)"`,
		EN: `an OpenDocument spreadsheet (.ods), which cannot be read: open it and save it as "Excel 2007-365 (.xlsx)"`},
	".numbers": {NL: `een Numbers-rekenblad, dat niet gelezen kan worden: exporteer het uit Numbers als Excel (.xlsx)`,
		EN: `a Numbers spreadsheet, which cannot be read: export it from Numbers as Excel (.xlsx)`},
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
	var sheets []ingest.SheetPreview
	for _, name := range files {
		rel := strings.TrimPrefix(name, dir+"/")
		if dir == "." {
			rel = name
		}
		if reason, ok := otherSheets[strings.ToLower(path.Ext(name))]; ok {
			p.Unplaced = append(p.Unplaced, Unplaced{File: rel, Reason: reason})
			continue
		}
		previews, err := ingest.Preview(fsys, name, ingest.PreviewOptions{SampleRows: registerRows, DistinctValues: maxDistinct, Password: password})
		if err != nil {
			p.Unplaced = append(p.Unplaced, Unplaced{File: rel, Reason: errText(err)})
			continue
		}
		for _, pv := range previews {
			pv.File = rel
			sheets = append(sheets, pv)
		}
	}
	// Three rounds: the first places what the headers make clear and
	// collects the keys of the exports others link to; the second does so
	// again with those keys; the last uses them to recognise link columns
	// by their values.
	var keys Keys
	for round := 0; round < 3; round++ {
		var placed []Result
		for i := range sheets {
			placed = append(placed, matchPreview(&sheets[i], keys))
		}
		if round < 2 {
			// a second time: an export placed only with the keys of
			// another (the portal's children, by the administration's
			// numbers beside their own) gives keys of its own
			keys = collectKeys(sheets, placed)
			continue
		}
		for i, pv := range sheets {
			if p.place(pv, placed[i], keys) {
				if d, ok := exportDate(pv.Above); ok {
					asOf = append(asOf, asOfVote{date: d, label: pv.Label()})
				}
			}
		}
	}
	p.joinParts(sheets)
	sort.SliceStable(p.Unplaced, func(i, j int) bool { return p.Unplaced[i].File < p.Unplaced[j].File })
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
			return vocab.Wrapf(err, "lees %s", "read %s", name)
		}
		base := d.Name()
		if name != dir && (strings.HasPrefix(base, ".") || strings.HasPrefix(base, "~$")) {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		ext := strings.ToLower(path.Ext(base))
		if !d.IsDir() && (exportExts[ext] || otherSheets[ext] != (vocab.Text{})) {
			files = append(files, name)
		}
		return nil
	})
	sort.Strings(files)
	return files, err
}

// sheetOf is what Match looks at for one previewed table.
func sheetOf(pv *ingest.SheetPreview) *Sheet {
	s := &Sheet{Header: pv.Header, Names: pv.File + " " + pv.Sheet}
	s.Product = productToken(s.Names)
	if pv.Err != nil {
		return s
	}
	s.Values = make([]Values, len(pv.Header))
	for i := range pv.Header {
		v := Values{Rows: pv.DataRows, Workbook: pv.Sheet != ""}
		if i < len(pv.Distinct) {
			v.Distinct = pv.Distinct[i]
		}
		if i < len(pv.More) {
			v.More = pv.More[i]
		}
		if i < len(pv.Blanks) {
			v.Blanks = pv.Blanks[i]
		}
		s.Values[i] = v
	}
	return s
}

func matchPreview(pv *ingest.SheetPreview, keys Keys) Result {
	if pv.Err != nil {
		return Result{}
	}
	return MatchSheet(sheetOf(pv), keys)
}

// collectKeys gathers the key values of the placed exports other tables
// link to (the children's numbers, the guardians', the staff's).
func collectKeys(sheets []ingest.SheetPreview, placed []Result) Keys {
	keys := Keys{productsKey: KeySet{Values: map[string]bool{}}, siblingsKey: KeySet{Values: map[string]bool{}}}
	for i, r := range placed {
		if w := Key(firstNameWord(sheets[i].File)); r.Placed() && w != "" {
			if t, ok := model.Lookup(r.Table); ok && t.System != "register" {
				keys[siblingsKey].Values[w+"\x00"+t.System] = true
			}
		}
	}
	for _, pv := range sheets {
		if p := productToken(pv.File + " " + pv.Sheet); len(Key(p)) >= 3 {
			keys[productsKey].Values[Key(p)] = true
		}
	}
	keys[firstNamesKey], keys[lastNamesKey] = KeySet{Values: map[string]bool{}}, KeySet{Values: map[string]bool{}}
	for i, r := range placed {
		if !r.Placed() && r.Closest != nil {
			r = Result{Candidate: *r.Closest}
		}
		if r.Table != "admin_children" {
			continue
		}
		for h, c := range r.Columns {
			if h >= len(sheets[i].Distinct) || (c != "first_name" && c != "last_name") {
				continue
			}
			set := keys[firstNamesKey].Values
			if c == "last_name" {
				set = keys[lastNamesKey].Values
			}
			for _, v := range sheets[i].Distinct[h] {
				if ws := strings.Fields(strings.ToLower(v)); len(ws) > 0 {
					set[strings.Join(ws, " ")], set[ws[len(ws)-1]] = true, true
				}
			}
		}
	}
	for i, r := range placed {
		if !r.Placed() && r.Closest != nil {
			// a draft's keys link too: a children export that lacks its
			// end of care (on another sheet) still numbers the children
			r = Result{Candidate: *r.Closest}
		}
		col, ok := keyOwners[r.Table]
		if !r.Placed() || !ok {
			continue
		}
		for h, c := range r.Columns {
			if c != col || h >= len(sheets[i].Distinct) {
				continue
			}
			set := KeySet{Values: map[string]bool{}, From: sheets[i].Label()}
			for _, v := range sheets[i].Distinct[h] {
				set.Values[v] = true
			}
			if old, dup := keys[col]; !dup || len(old.Values) < len(set.Values) {
				keys[col] = set
			}
		}
	}
	return keys
}

// place records where one previewed table was placed, or why it was not
// (with a draft entry for the table it comes closest to); it reports
// whether the table was placed.
func (p *Proposal) place(pv ingest.SheetPreview, r Result, keys Keys) bool {
	if pv.Err != nil {
		p.Unplaced = append(p.Unplaced, Unplaced{File: pv.File, Sheet: pv.Sheet, Reason: errorText(pv)})
		return false
	}
	if !r.Placed() {
		u := Unplaced{File: pv.File, Sheet: pv.Sheet, Reason: r.Reason}
		if r.Closest != nil {
			cand := takeHints(pv.Header, *r.Closest)
			d := placement(pv, Result{Candidate: cand})
			d.Draft = true
			u.Draft = &d
			u.Reason = draftReason(cand)
		}
		p.Unplaced = append(p.Unplaced, u)
		return false
	}
	pl := placement(pv, r)
	pl.lookups(pv, keys)
	if pl.Lookup["child_id"] == "name" {
		pl.Notes = append(pl.Notes, vocab.Text{NL: "lookup: child_id: name: de export noemt de kinderen bij naam; de namen worden opgezocht in de kinderen van de administratie (een naam die geen kind heeft wordt leeg: geen herkenbaar kind)",
			EN: "lookup: child_id: name: the export names the children; the names are looked up in the administration's children (a name no child has becomes blank: no recognisable child)"})
	}
	p.Placed = append(p.Placed, pl)
	if r.Table == "processors" {
		for i, col := range r.Columns {
			if col == "system" && i < len(pv.Distinct) {
				p.registerNames = append(p.registerNames, pv.Distinct[i]...)
			}
			if col != "system" {
				continue
			}
			// what else each row of the register says about its system
			// ("KindPlan (kindadministratie, facturatie)" beside "Opvangsoft BV")
			for _, row := range pv.Rows {
				if i >= len(row) || strings.TrimSpace(row[i]) == "" {
					continue
				}
				var other []string
				for k, cell := range row {
					if k != i {
						other = append(other, cell)
					}
				}
				p.registerText = append(p.registerText, [2]string{strings.TrimSpace(row[i]), strings.Join(other, " ")})
			}
		}
	}
	if also, ok := childrenOf(pv, r, keys); ok {
		pl := placement(pv, Result{Candidate: also})
		pl.Also = true
		p.Placed = append(p.Placed, pl)
	}
	return true
}

// joinParts finds a table whose records are split over two exports: one
// with a row per record (the children) that lacks a required column, and
// one whose key column holds that export's keys, repeated or not, and has
// the missing columns (the placements, with the start and end of care).
// The first is placed as the table, the second as a join: entry that adds
// its columns by the key.
func (p *Proposal) joinParts(sheets []ingest.SheetPreview) {
	distinct := func(label string, col int) map[string]bool {
		for _, pv := range sheets {
			if pv.Label() == label && col < len(pv.Distinct) {
				set := map[string]bool{}
				for _, v := range pv.Distinct[col] {
					set[strings.TrimSpace(v)] = true
				}
				return set
			}
		}
		return nil
	}
	keyCol := func(pl *Placement, key string) int {
		for i, c := range pl.Result.Columns {
			if c == key {
				return i
			}
		}
		return -1
	}
	for a := 0; a < len(p.Unplaced); a++ {
		main := p.Unplaced[a].Draft
		if main == nil || len(main.Result.Missing) == 0 {
			continue
		}
		key, ok := keyOwners[main.Result.Table]
		ka := keyCol(main, key)
		if !ok || ka < 0 {
			continue
		}
		keysA := distinct(main.Label(), ka)
		for b := range p.Unplaced {
			part := p.Unplaced[b].Draft
			if b == a || part == nil || part.Result.Table != main.Result.Table || len(part.Result.Missing) > 0 {
				continue
			}
			kb := keyCol(part, key)
			if kb < 0 {
				continue
			}
			in, n := 0, 0
			for v := range distinct(part.Label(), kb) {
				n++
				if keysA[v] {
					in++
				}
			}
			if n == 0 || float64(in) < 0.9*float64(n) {
				continue
			}
			has := map[string]bool{}
			for _, c := range part.Result.Columns {
				has[c] = true
			}
			if !slices.ContainsFunc(main.Result.Missing, func(c string) bool { return has[c] }) ||
				slices.ContainsFunc(main.Result.Missing, func(c string) bool { return !has[c] }) {
				continue
			}
			joined := *main
			joined.Draft, joined.Result.Missing, joined.Result.Hints = false, nil, nil
			joined.Notes = append(slices.Clone(joined.Notes), vocab.Textf("%s komt uit %s (join: %s)", "%s come from %s (join: %s)",
				strings.Join(main.Result.Missing, ", "), part.Label(), key))
			added := *part
			added.Draft, added.Join, added.JoinTo = false, key, main.Label()
			added.Result.Columns, added.Result.Why = map[int]string{}, map[int]vocab.Text{}
			mapped := map[string]bool{}
			for _, c := range main.Result.Columns {
				mapped[c] = true
			}
			for i, c := range part.Result.Columns {
				if c == key || !mapped[c] {
					added.Result.Columns[i], added.Result.Why[i] = c, part.Result.Why[i]
				}
			}
			added.Result.Why[kb] = vocab.Textf("waarden: de %s-sleutels van %s; elke rij voegt toe aan dat record", "values: the %s keys of %s; each row adds to that record", key, main.Label())
			added.Result.Review = slices.DeleteFunc(slices.Clone(part.Result.Review), func(i int) bool { return i == kb })
			added.Result.Notes = slices.DeleteFunc(slices.Clone(part.Result.Notes), func(t vocab.Text) bool {
				return strings.HasPrefix(t.EN, part.Header[kb]+":") // "not the key: the rows are numbered by ..."
			})
			for _, pv := range sheets {
				if pv.Label() == part.Label() {
					added = placement(pv, added.Result)
				}
			}
			added.Join, added.JoinTo = key, main.Label()
			p.Placed = append(p.Placed, joined, added)
			p.Unplaced = slices.Delete(p.Unplaced, max(a, b), max(a, b)+1)
			p.Unplaced = slices.Delete(p.Unplaced, min(a, b), min(a, b)+1)
			a = -1 // start again: the list changed
			break
		}
	}
}

// lookups notes, for a table that names a system's child (the portal's
// consents), a child column whose values are the administration's child
// numbers rather than the system's own ids, while the system's children
// export gives both: the numbers are looked up there (lookup:), so the
// consents link to the portal's photos.
func (pl *Placement) lookups(pv ingest.SheetPreview, keys Keys) {
	for i, col := range pl.Result.Columns {
		if (col != "portal_child_id" && col != "tracking_child_id") || strings.HasSuffix(pl.Result.Table, "_children") || i >= len(pv.Distinct) {
			continue
		}
		if _, own := keys[col]; !own {
			continue // no children export of the system to look them up in
		}
		v := Values{Distinct: pv.Distinct[i]}
		if lk, _ := keys.linkOf(v); lk != "child_id" {
			continue
		}
		if pl.Lookup == nil {
			pl.Lookup = map[string]string{}
		}
		pl.Lookup[col] = "child_id"
		pl.Notes = append(pl.Notes, vocab.Textf("lookup: %s: child_id: %s heeft de kindnummers van de administratie, niet de nummers van het systeem zelf; ze worden opgezocht in zijn lijst van kinderen",
			"lookup: %s: child_id: %s holds the administration's child numbers, not the system's own ids; they are looked up in its list of children", col, pv.Header[i]))
	}
}

// childrenOf is, for a wide consent export, its fit on portal_children
// when the export names each child once by the portal's number and by the
// administration's: then it is the portal's list of children too, and
// the consents of the portal's numbers link to the administration's
// children (social posts, retention).
func childrenOf(pv ingest.SheetPreview, r Result, keys Keys) (Candidate, bool) {
	if r.Unpivot == nil {
		return Candidate{}, false
	}
	t, _ := model.Lookup("portal_children")
	c := fit(t, sheetOf(&pv), keys)
	var key, admin bool
	for _, col := range c.Columns {
		key = key || col == "portal_child_id"
		admin = admin || col == "child_id"
	}
	if !key || !admin || len(c.Missing) > 0 {
		return Candidate{}, false
	}
	for i, col := range c.Columns {
		if col == "portal_child_id" && r.Columns[i] != "portal_child_id" {
			return Candidate{}, false // the two tables must name the child by the same column
		}
	}
	return c, true
}

// placement is the proposal for one table placed on r's table: value
// mappings, with what to review.
func placement(pv ingest.SheetPreview, r Result) Placement {
	pl := Placement{File: pv.File, Sheet: pv.Sheet, Delimiter: pv.Delimiter, HeaderRow: pv.HeaderRow, Result: r, Header: pv.Header}
	pl.Unpivot, pl.Fixed, pl.Split, pl.Lookup = r.Unpivot, r.Fixed, r.Split, r.Lookup
	t, _ := model.Lookup(r.Table)
	for _, i := range slices.Sorted(maps.Keys(r.Columns)) {
		col := r.Columns[i]
		var distinct []string
		if i < len(pv.Distinct) {
			distinct = pv.Distinct[i]
		}
		mapped, guessed, unknown := proposeValues(r.Table, col, distinct)
		if c, ok := t.Column(col); ok && (c.Type == model.Date || c.Type == model.Timestamp) {
			for _, d := range distinct {
				if date, ok := dateInText(strings.TrimSpace(d)); ok {
					pl.setValue(col, d, date, vocab.Textf("REVIEW: de datum in de tekst", "REVIEW: the date in the text"))
				}
			}
		}
		if c, ok := t.Column(col); ok && c.Type == model.Bool {
			for _, d := range distinct {
				if _, err := values.ParseBool(d); err == nil {
					continue
				}
				if guessed == nil {
					guessed = map[string]string{}
				}
				if yes, ok := boolValue(d); ok {
					guessed[d] = map[bool]string{true: "ja", false: "nee"}[yes]
				} else if yes, ok := statusValue(d); ok {
					guessed[d] = map[bool]string{true: "ja", false: "nee"}[yes]
				} else if sh := (Values{Distinct: distinct}).shape(); sh.status >= 0.6 {
					guessed[d] = "" // a status that tells neither ("n.v.t."): blank, not a rejected row
				}
			}
			// A checkbox: a mark for yes, blank for no.
			if i < len(pv.Blanks) {
				if mark := (Values{Distinct: distinct, Blanks: pv.Blanks[i]}).shape().checkbox; mark != "" {
					mapped, guessed = map[string]string{mark: "ja", "": "nee"}, nil
				}
			}
		}
		for label, v := range mapped {
			pl.setValue(col, label, v, vocab.Text{})
		}
		for label, v := range guessed {
			why := vocab.Textf("REVIEW: voorgesteld op grond van de woorden; %s = %s", "REVIEW: proposed by its words; %s = %s",
				v, vocab.Text{NL: model.ValueDocsNL[col][v], EN: model.ValueDoc(col, v)})
			if c, _ := t.Column(col); c.Type == model.Bool {
				why = vocab.Textf("REVIEW: gelezen als %s op grond van de woorden", "REVIEW: read as %s by its words", v)
				if v == "" {
					why = vocab.Text{NL: "REVIEW: de woorden zeggen geen ja of nee: leeg gelaten", EN: "REVIEW: its words say neither yes nor no: left blank"}
				}
			}
			pl.setValue(col, label, v, why)
		}
		if len(unknown) > 0 && col == "consent_type" {
			// a permission the model has no value for (trips, health data)
			// cannot be checked: its rows are left out, not rejected
			for _, l := range unknown {
				pl.setValue(col, l, manifest.SkipLabel, vocab.Text{NL: "REVIEW: geen waarde van het model komt in de buurt: deze rijen worden niet ingelezen (\"-\"); koppel het anders aan een van " + strings.Join(enumValues(r.Table, col), ", "),
					EN: "REVIEW: no value of the model comes near: these rows are not loaded (\"-\"); else map it to one of " + strings.Join(enumValues(r.Table, col), ", ")})
			}
		} else if len(unknown) > 0 && col != "gender" {
			pl.Notes = append(pl.Notes, vocab.Textf("%s: labels niet herkend: %s; koppel elk onder values: %s: aan een van %s",
				"%s: labels not recognised: %s; map each under values: %s: to one of %s", pv.Header[i], strings.Join(quote(unknown), ", "), col, strings.Join(enumValues(r.Table, col), ", ")))
		}
		if n := countFold(pv.Header, pv.Header[i]); n > 1 {
			pl.Notes = append(pl.Notes, vocab.Textf("%s: de kopregel heeft %d kolommen met deze naam; geef in de export alle behalve de in te lezen kolom een andere naam",
				"%s: the header has %d columns of this name; rename all but the one to load in the export", pv.Header[i], n))
		}
	}
	for _, i := range r.Review {
		pl.Notes = append(pl.Notes, vocab.Textf("%s: gekoppeld aan %s alleen op grond van de waarden (%s); controleer het",
			"%s: mapped to %s by its values alone (%s); check it", pv.Header[i], r.Columns[i], r.Why[i]))
	}
	if u := r.Unpivot; u != nil {
		pl.answers(pv, u)
		pl.Notes = append(pl.Notes, sharedQuestions(pv.Header, u)...)
	}
	for col, v := range r.Fixed {
		pl.Notes = append(pl.Notes, vocab.Textf("values: %s: %s: de export heeft geen kolom voor %s; elke rij krijgt %s, het product dat de bestandsnaam noemt",
			"values: %s: %s: the export has no column for %s; every row gets %s, the product its file name names", col, v, col, v))
	}
	for col, sep := range r.Split {
		pl.Notes = append(pl.Notes, vocab.Textf("split: %s: %q: cellen bevatten meer nummers, gescheiden door %q; elk wordt een eigen rij",
			"split: %s: %q: cells hold several ids separated by %q; each becomes a row of its own", col, sep, sep))
	}
	pl.Notes = append(pl.Notes, r.Notes...)
	return pl
}

// sharedQuestions notes the questions of a wide export that are one
// canonical value ("Foto's op onze website" and "Foto's op
// Facebook/Instagram" are both photo_external): a refusal in either counts
// as refused, so the user keeps only the question that applies.
func sharedQuestions(header []string, u *Unpivot) []vocab.Text {
	by := map[string][]string{}
	for _, i := range slices.Sorted(maps.Keys(u.Columns)) {
		by[u.Columns[i]] = append(by[u.Columns[i]], header[i])
	}
	var out []vocab.Text
	for _, v := range slices.Sorted(maps.Keys(by)) {
		if hs := by[v]; len(hs) > 1 {
			q := strings.Join(quote(hs), ", ")
			out = append(out, vocab.Textf("unpivot: %s zijn allemaal %s: een weigering in een ervan telt als geweigerd; haal de vragen weg die voor de controles niet gelden",
				"unpivot: %s are all %s: a refusal in any of them counts as refused; remove the questions that do not apply to the checks", q, v))
		}
	}
	return out
}

// answers proposes how the answers under a wide consent export's questions
// read as yes or no: ja/nee as they are, words such as "Niet akkoord" by
// their words (REVIEW), and a checkbox's mark as yes and its blank as no.
func (pl *Placement) answers(pv ingest.SheetPreview, u *Unpivot) {
	for _, i := range slices.Sorted(maps.Keys(u.Columns)) {
		if i >= len(pv.Distinct) {
			continue
		}
		v := Values{Distinct: pv.Distinct[i]}
		if i < len(pv.Blanks) {
			v.Blanks = pv.Blanks[i]
		}
		if mark := v.shape().checkbox; mark != "" {
			pl.setValue(u.Into[1], mark, "ja", vocab.Text{})
			pl.setValue(u.Into[1], "", "nee", vocab.Text{NL: "REVIEW: een leeg vinkvak is nee", EN: "REVIEW: a blank checkbox is no"})
			continue
		}
		for _, d := range pv.Distinct[i] {
			if _, err := values.ParseBool(d); err == nil {
				continue
			}
			if yes, ok := boolValue(d); ok {
				v := map[bool]string{true: "ja", false: "nee"}[yes]
				pl.setValue(u.Into[1], d, v, vocab.Textf("REVIEW: gelezen als %s op grond van de woorden", "REVIEW: read as %s by its words", v))
			}
		}
	}
}

// setValue proposes label -> v for column col, with a comment for review.
func (pl *Placement) setValue(col, label, v string, comment vocab.Text) {
	if pl.Values == nil {
		pl.Values = map[string]map[string]string{}
	}
	if pl.Values[col] == nil {
		pl.Values[col] = map[string]string{}
	}
	pl.Values[col][label] = v
	if comment != (vocab.Text{}) {
		if pl.ValueComments == nil {
			pl.ValueComments = map[string]map[string]vocab.Text{}
		}
		if pl.ValueComments[col] == nil {
			pl.ValueComments[col] = map[string]vocab.Text{}
		}
		pl.ValueComments[col][label] = comment
	}
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
func errorText(pv ingest.SheetPreview) vocab.Text {
	var ie *ingest.InputError
	if !errors.As(pv.Err, &ie) {
		return errText(pv.Err)
	}
	if ie.Row > 0 {
		return vocab.Textf("rij %d: %v", "row %d: %v", ie.Row, ie.Err)
	}
	return errText(ie.Err)
}

// errText is an error's message in both languages (see vocab.Message).
func errText(err error) vocab.Text {
	return vocab.Text{NL: vocab.Message(err, "nl"), EN: vocab.Message(err, "en")}
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
		if t.System == "register" || pl.Also {
			continue
		}
		token := productToken(pl.File + " " + pl.Sheet)
		if n := namedInFile(pl.File, p.registerNames); n != "" && !strings.EqualFold(n, token) {
			votes[t.System][n]++ // "Ouderapp_foto.csv" and the register's "Ouderapp"
		} else if token != "" {
			votes[t.System][p.registerName(token)]++
		}
	}
	for i := range p.Placed {
		if sys := p.Placed[i].Fixed["system"]; sys != "" {
			p.Placed[i].Fixed["system"] = p.registerName(sys)
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

// namedInFile is the name in the processor register whose first word (of
// four letters or more) the file name holds; "" when none or several.
func namedInFile(file string, names []string) string {
	found := ""
	fk := Key(file)
	for _, n := range names {
		ws := strings.Fields(n)
		if len(ws) == 0 {
			continue
		}
		if k := Key(ws[0]); len(k) >= 4 && strings.Contains(fk, k) {
			if found != "" && found != strings.TrimSpace(n) {
				return ""
			}
			found = strings.TrimSpace(n)
		}
	}
	return found
}

// registerName is the name the processor register gives the product a
// file name calls token: the register's name that holds it ("Ouderportaal
// (Konnect-like)" for "ouderportaal") or whose word it abbreviates ("KV"
// for "KidsVision BV"); token itself when none does, or more than one.
func registerName(token string, names []string) string {
	var found []string
	tk := Key(token)
	for _, n := range names {
		if strings.Contains(Key(n), tk) || initialsOf(n)[tk] || partInitials(n, tk) {
			found = append(found, strings.TrimSpace(n))
		}
	}
	if len(found) == 1 && !strings.EqualFold(found[0], token) {
		return found[0]
	}
	return token // the processor check compares without regard to case
}

// registerRows is how many rows of each export are kept to read a
// processor register's rows (its system beside what it is for).
const registerRows = 200

// registerName is registerName with the register's other cells: a
// product no system name holds but one row's description names ("KindPlan
// (kindadministratie)" in the row of "Opvangsoft BV") is that row's system.
func (p *Proposal) registerName(token string) string {
	if n := registerName(token, p.registerNames); n != token {
		return n
	}
	for _, n := range p.registerNames {
		if strings.EqualFold(strings.TrimSpace(n), token) {
			return token // the register names it as it is
		}
	}
	found := ""
	tk := Key(token)
	for _, row := range p.registerText {
		if len(tk) < 3 || !containsWord(row[1], tk) {
			continue
		}
		if found != "" && found != row[0] {
			return token
		}
		found = row[0]
	}
	if found == "" {
		return token
	}
	return found
}

// containsWord reports whether text has a word whose Key is k.
func containsWord(text, k string) bool {
	for _, w := range strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		if Key(w) == k {
			return true
		}
	}
	return false
}

// partInitials reports whether tk (2 to 5 letters) abbreviates name by
// the first letters of its words and of the known words inside them:
// "koo" is Kinderopvang Online (kinder-opvang, online).
func partInitials(name, tk string) bool {
	if len(tk) < 2 || len(tk) > 5 || !allLetters(tk) {
		return false
	}
	var starts []byte // the letters that begin a word or a known part of one
	for _, w := range strings.Fields(strings.ToLower(name)) {
		w = strings.TrimFunc(w, func(r rune) bool { return !unicode.IsLetter(r) })
		if w == "" {
			continue
		}
		starts = append(starts, w[0])
		for i := 1; i+4 <= len(w); i++ {
			for j := len(w); j >= i+4; j-- {
				if _, ok := lexicon[w[i:j]]; ok {
					starts = append(starts, w[i])
					i = j - 1
					break
				}
			}
		}
	}
	if len(starts) < len(tk) || starts[0] != tk[0] {
		return false
	}
	k := 1
	for _, c := range starts[1:] {
		if k < len(tk) && c == tk[k] {
			k++
		}
	}
	return k == len(tk) && len(starts) <= len(tk)+1 // nearly every part abbreviated
}

func allLetters(s string) bool {
	for _, r := range s {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return s != ""
}

// initialsOf are the abbreviations of a name: per word its capitals
// ("KidsVision": kv), and the first letters of its words ("Visma Raet":
// vr).
func initialsOf(name string) map[string]bool {
	out := map[string]bool{}
	var firsts strings.Builder
	for _, w := range strings.Fields(name) {
		var caps strings.Builder
		for _, r := range w {
			if unicode.IsUpper(r) {
				caps.WriteRune(unicode.ToLower(r))
			}
		}
		if caps.Len() >= 2 {
			out[caps.String()] = true
		}
		if r := []rune(w); unicode.IsLetter(r[0]) {
			firsts.WriteRune(unicode.ToLower(r[0]))
		}
	}
	if firsts.Len() >= 2 {
		out[firsts.String()] = true
	}
	return out
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

// Manifest turns the proposal into a manifest, organisation named org:
// the placed exports only, so that it can be audited as it is.
func (p *Proposal) Manifest(org string) *manifest.Manifest {
	return p.manifest(org, p.Placed)
}

// DraftManifest is Manifest with a draft entry for each export that was
// not placed because required columns were not recognised: the columns
// that were, to be completed by hand (see Comments).
func (p *Proposal) DraftManifest(org string) *manifest.Manifest {
	var ready []Placement
	for _, d := range p.Drafts() {
		if len(d.Result.Missing) == 0 {
			ready = append(ready, d)
		}
	}
	return p.manifest(org, append(slices.Clone(p.Placed), ready...))
}

// Drafts are the draft entries of the exports not placed.
func (p *Proposal) Drafts() []Placement {
	var out []Placement
	for _, u := range p.Unplaced {
		if u.Draft != nil {
			out = append(out, *u.Draft)
		}
	}
	return out
}

func (p *Proposal) manifest(org string, placed []Placement) *manifest.Manifest {
	m := &manifest.Manifest{Version: manifest.Version, Organisation: org, AsOf: p.AsOf, Policy: p.Policy, Systems: map[string]*manifest.System{}}
	sort.SliceStable(placed, func(i, j int) bool {
		return tableOrder[placed[i].Result.Table] < tableOrder[placed[j].Result.Table]
	})
	for _, pl := range placed {
		t, _ := model.Lookup(pl.Result.Table)
		s := m.Systems[t.System]
		if s == nil {
			product := p.Products[t.System]
			if product == "" {
				product = productOf(t.System, pl.File)
			}
			s = &manifest.System{Product: product}
			m.Systems[t.System] = s
		}
		f := &manifest.File{File: pl.File, Sheet: pl.Sheet, Table: t.Name, Columns: map[string]string{}, Values: pl.Values,
			System: t.System, Product: s.Product, Fixed: pl.Fixed, Split: pl.Split}
		if u := pl.Unpivot; u != nil {
			f.Unpivot = &manifest.Unpivot{Into: u.Into[:], Columns: map[string]string{}}
			for i, v := range u.Columns {
				f.Unpivot.Columns[pl.Header[i]] = v
			}
		}
		if pl.Sheet == "" {
			f.Delimiter = pl.Delimiter
		}
		f.Join, f.Lookup = pl.Join, pl.Lookup
		for i, col := range pl.Result.Columns {
			f.Columns[pl.Header[i]] = col
		}
		s.Files = append(s.Files, f)
	}
	return m
}

// productOf names the product of a system that only a draft entry has.
func productOf(system, file string) string {
	key := Key(file)
	for _, pr := range products {
		if pr.System == system && strings.Contains(key, pr.Hint) {
			return pr.Product
		}
	}
	if d := defaultProducts[system]; d != "" {
		return d
	}
	return "onbekend"
}

// Comments explains the proposal in the manifest it writes, in English;
// see CommentsIn.
func (p *Proposal) Comments() manifest.Comments { return p.CommentsIn("en") }

// CommentsIn explains the proposal in the manifest it writes, in lang (nl
// or en): per file the table and score, why each column was placed, what
// to review, and what could not be placed and why.
func (p *Proposal) CommentsIn(lang string) manifest.Comments {
	nl := lang == "nl"
	tr := func(en, dutch string) string {
		if nl {
			return dutch
		}
		return en
	}
	in := func(t vocab.Text) string { return t.In(lang) }
	head := []string{
		"Written by avgaudit init: each export was recognised from its header row",
		"and the values under it. Review it: check that every file is the table",
		"named and that each column mapping is right (the comment at the end of a",
		"line says why it was placed; lines marked REVIEW are guesses), and fill",
		"in the products and the organisation.",
	}
	if nl {
		head = []string{
			"Geschreven door avgaudit init: elke export is herkend aan zijn kopregel en",
			"de waarden eronder. Kijk het na: controleer dat elk bestand de genoemde",
			"tabel is en dat elke koppeling van een kolom klopt (het commentaar aan het",
			"eind van een regel zegt waarom; regels met REVIEW zijn gissingen), en vul",
			"de producten en de organisatie in.",
		}
	}
	c := manifest.Comments{
		Head:         head,
		Files:        map[string][]string{},
		Systems:      map[string][]string{},
		Columns:      map[string]map[string]string{},
		Values:       map[string]map[string]map[string]string{},
		AfterColumns: map[string][]string{},
	}
	c.Head = append(c.Head, p.asOfComments(nl)...)
	if nl {
		c.NoAsOf = []string{
			"as_of: JJJJ-MM-DD, de peildatum waarvanaf de audit meet, is niet ingevuld;",
			"zonder (of zonder --as-of) gebruikt de audit de dag waarop hij draait.",
		}
	}
	for sys := range p.Guessed {
		c.Systems[sys] = []string{tr("product not recognised from the file names: fill in the product's name as the processor register writes it",
			"product niet herkend aan de bestandsnamen: vul de naam van het product in zoals het verwerkersregister die schrijft")}
	}
	for _, pl := range append(slices.Clone(p.Placed), p.Drafts()...) {
		r := pl.Result
		var lines []string
		if pl.Draft {
			lines = append(lines,
				fmt.Sprintf(tr("DRAFT: not recognised in full; closest is %s (%s matched), but required", "CONCEPT: niet helemaal herkend; het dichtst bij is %s (%s gekoppeld), maar verplichte"), r.Table, in(r.Score())),
				fmt.Sprintf(tr("columns were not found by name: %s.", "kolommen zijn niet op naam gevonden: %s."), in(describe(r.Table, append(slices.Clone(r.Taken), r.Missing...)))),
				tr("Complete it below (remove the # before the right mapping) or delete this entry.", "Maak het hieronder af (haal de # voor de juiste koppeling weg) of verwijder dit deel."))
		} else {
			lines = append(lines, fmt.Sprintf(tr("recognised as %s: %s matched", "herkend als %s: %s gekoppeld"), r.Table, in(r.Score())))
		}
		if pl.Join != "" {
			lines = append(lines, fmt.Sprintf(tr("join: %s: adds its columns to the records of %s with the same %s (a record's latest row counts; an end date is blank while any row has none)",
				"join: %s: voegt de kolommen toe aan de records van %s met dezelfde %s (de laatste rij van een record telt; een einddatum is leeg zolang een rij er geen heeft)"), pl.Join, pl.JoinTo, pl.Join))
		}
		if pl.HeaderRow > 1 {
			lines = append(lines, fmt.Sprintf(tr("header on row %d; the rows above it are skipped", "kopregel op rij %d; de rijen erboven worden overgeslagen"), pl.HeaderRow))
		}
		if r.RunnerUp != (vocab.Text{}) {
			lines = append(lines, tr("next best: ", "daarna het best: ")+in(r.RunnerUp))
		}
		var left []string
		for _, i := range r.Unplaced {
			left = append(left, pl.Header[i])
		}
		if len(left) > 0 {
			lines = append(lines, tr("not loaded: ", "niet ingelezen: ")+strings.Join(left, ", "))
		}
		for _, n := range pl.Notes {
			lines = append(lines, "REVIEW: "+in(n))
		}
		lines = append(lines, valueDocLines(r.Table, pl, nl)...)
		label := pl.Label()
		if pl.Also {
			label = manifest.TableKey(label, r.Table)
		}
		c.Files[label] = lines
		why := map[string]string{}
		for i, col := range r.Columns {
			w := r.Why[i]
			if slices.Contains(r.Review, i) {
				w = vocab.Same("REVIEW: ").Plus(w)
			}
			if w != (vocab.Text{}) {
				why[pl.Header[i]] = in(w)
			}
			_ = col
		}
		if u := pl.Unpivot; u != nil {
			for i, v := range u.Columns {
				doc := vocab.Text{NL: model.ValueDocsNL["consent_type"][v], EN: model.ValueDoc("consent_type", v)}
				w := vocab.Textf("een vraag: %s = %s", "a question: %s = %s", v, doc)
				if u.Review[i] {
					w = vocab.Textf("REVIEW: voorgesteld op grond van de woorden; %s = %s", "REVIEW: proposed by its words; %s = %s", v, doc)
				}
				why[pl.Header[i]] = in(w)
			}
		}
		c.Columns[label] = why
		if len(pl.ValueComments) > 0 {
			c.Values[label] = map[string]map[string]string{}
			for col, m := range pl.ValueComments {
				c.Values[label][col] = map[string]string{}
				for k, v := range m {
					c.Values[label][col][k] = in(v)
				}
			}
		}
		if pl.Draft {
			c.AfterColumns[label] = draftLines(r, nl)
		}
	}
	for _, d := range p.Drafts() {
		if len(d.Result.Missing) > 0 {
			c.Foot = append(c.Foot, commentedDraft(d, nl)...)
		}
	}
	if len(p.Unplaced) > 0 {
		c.Foot = append(c.Foot, tr("Could not place (add them above by hand if they hold a canonical table):",
			"Niet geplaatst (zet ze hierboven met de hand als ze een tabel bevatten):"))
		for _, u := range p.Unplaced {
			c.Foot = append(c.Foot, fmt.Sprintf("  %s: %s", u.Label(), in(u.Reason)))
		}
	}
	return c
}

// minTakenHint is the least hint score (words shared plus 0.3 for values
// of the column's type) of a header a draft maps to a missing column.
const minTakenHint = 0.5

// takeHints maps, in a draft, each missing required column to the header
// most likely to be it (marked REVIEW), so that the draft can be audited
// as it is written; the other likely headers stay as commented-out lines.
func takeHints(header []string, c Candidate) Candidate {
	c.Columns, c.Why, c.Hints = maps.Clone(c.Columns), maps.Clone(c.Why), maps.Clone(c.Hints)
	c.Review, c.Unplaced = slices.Clone(c.Review), slices.Clone(c.Unplaced)
	var missing []string
	for _, col := range c.Missing {
		hs := c.Hints[col]
		i := -1
		if c.HintScore[col] < minTakenHint {
			hs = nil // too unlike to be audited unseen: the user chooses
		}
		for _, k := range c.Unplaced {
			if len(hs) > 0 && header[k] == hs[0] {
				i = k
				break
			}
		}
		if i < 0 {
			missing = append(missing, col)
			continue
		}
		c.Columns[i] = col
		c.Why[i] = vocab.Textf("REVIEW: de kolomkop die het meest op %s lijkt; controleer het", "REVIEW: the header most like %s; check it", col)
		c.Taken = append(c.Taken, col)
		c.Unplaced = slices.DeleteFunc(c.Unplaced, func(k int) bool { return k == i })
		c.Hints[col] = hs[1:]
		if len(c.Hints[col]) == 0 {
			delete(c.Hints, col)
		}
		c.Matched++
	}
	c.Missing = missing
	return c
}

// draftReason says why an export was drafted rather than placed, and
// what to do.
func draftReason(c Candidate) vocab.Text {
	if len(c.Missing) == 0 {
		return vocab.Textf("het dichtst bij is %s (%s), maar geen kolomkop werd op naam herkend als de verplichte %s; het concept in het manifest koppelt de kolomkop die er het meest op lijkt en kan zo gebruikt worden: controleer de regels met REVIEW",
			"closest is %s (%s), but no header was recognised by name as the required %s; the draft entry in the manifest maps the header most like it and can be used as it is: check the lines marked REVIEW",
			c.Table, c.Score(), strings.Join(c.Taken, ", "))
	}
	var missing []vocab.Text
	for _, col := range c.Missing {
		m := vocab.Same(col)
		if hs := c.Hints[col]; len(hs) > 0 {
			m = m.Plus(vocab.Textf(" (waarschijnlijk `%s`)", " (probably `%s`)", vocab.Text{NL: strings.Join(hs, "` of `"), EN: strings.Join(hs, "` or `")}))
		} else {
			// a header its words name but its values kept off: say why
			// ("Uitgeschreven": dates with a two-digit year)
			for _, n := range c.Notes {
				if strings.Contains(n.EN, " sounds like "+col+", but ") {
					m = m.Plus(vocab.Textf(" (%s)", " (%s)", n))
					break
				}
			}
		}
		missing = append(missing, m)
	}
	return vocab.Textf("het dichtst bij is %s (%s), maar geen kolomkop werd herkend als de verplichte %s; er staat een concept in het manifest: kies daar de kolomkop en voer dan de audit uit",
		"closest is %s (%s), but no header was recognised as the required %s; a draft entry is in the manifest: choose the header there, then audit",
		c.Table, c.Score(), vocab.JoinTexts(missing, vocab.Same(", ")))
}

// draftLines are the commented-out mappings of a draft entry: per missing
// required column the headers most likely to be it.
func draftLines(r Result, nl bool) []string {
	var out []string
	for _, col := range r.Taken {
		hs := r.Hints[col]
		if len(hs) == 0 {
			continue
		}
		out = append(out, hintLines(col, hs, nl,
			"REVIEW %s: or else %s; replace the line above with one of these, without its #:",
			"REVIEW %s: anders %s; vervang de regel hierboven door een van deze, zonder #:")...)
	}
	for _, col := range r.Missing {
		hs := r.Hints[col]
		if len(hs) == 0 {
			f, h := "REVIEW %s: no header looks like it; map the export's column for %s here:", "HEADER: %s"
			if nl {
				f, h = "REVIEW %s: geen kolomkop lijkt erop; koppel hier de kolom van de export voor %s:", "KOLOMKOP: %s"
			}
			d := describe(r.Table, []string{col})
			what := d.EN
			if nl {
				what = d.NL
			}
			out = append(out, fmt.Sprintf(f, col, what), fmt.Sprintf(h, col))
			continue
		}
		out = append(out, hintLines(col, hs, nl,
			"REVIEW %s: probably %s; keep one of these lines without its #:",
			"REVIEW %s: waarschijnlijk %s; houd een van deze regels, zonder de #:")...)
	}
	return out
}

// hintLines are a draft's REVIEW line for col, in English (en) or Dutch
// (nl) with the headers hs quoted, and a mapping line per header.
func hintLines(col string, hs []string, nl bool, en, nlFormat string) []string {
	f, or := en, "` or `"
	if nl {
		f, or = nlFormat, "` of `"
	}
	out := []string{fmt.Sprintf(f, col, "`"+strings.Join(hs, or)+"`")}
	for _, h := range hs {
		out = append(out, fmt.Sprintf("%s: %s", yamlKey(h), col))
	}
	return out
}

// commentedDraft is a draft entry that lacks a required column no header
// is like, written as comment lines: in the manifest it would stop the
// audit, so it is left for the user to complete and move into systems.
func commentedDraft(d Placement, nl bool) []string {
	t, _ := model.Lookup(d.Result.Table)
	head := "DRAFT for systems.%s.files (not in use: %s not recognised; complete it, then move it there without the #):"
	if nl {
		head = "CONCEPT voor systems.%s.files (niet in gebruik: %s niet herkend; maak het af en zet het daar, zonder #):"
	}
	out := []string{fmt.Sprintf(head, t.System, strings.Join(d.Result.Missing, ", ")), "- file: " + yamlKey(d.File)}
	if d.Sheet != "" {
		out = append(out, "  sheet: "+yamlKey(d.Sheet))
	}
	out = append(out, "  table: "+d.Result.Table)
	if d.Sheet == "" && d.Delimiter != "" {
		out = append(out, fmt.Sprintf("  delimiter: %q", d.Delimiter))
	}
	out = append(out, "  columns:")
	for _, i := range slices.Sorted(maps.Keys(d.Result.Columns)) {
		out = append(out, fmt.Sprintf("    %s: %s", yamlKey(d.Header[i]), d.Result.Columns[i]))
	}
	for _, l := range draftLines(d.Result, nl) {
		out = append(out, "    "+l)
	}
	return out
}

// yamlKey writes a header as a mapping key, quoted where YAML needs it.
func yamlKey(h string) string {
	if strings.ContainsAny(h, ":#'\"{}[],&*!|>%@`") || strings.TrimSpace(h) != h || h == "" {
		return fmt.Sprintf("%q", h)
	}
	return h
}

// valueDocLines explain, for each enumeration column the entry maps, what
// every canonical value means.
func valueDocLines(table string, pl Placement, nl bool) []string {
	t, _ := model.Lookup(table)
	var out []string
	cols := map[int]string{}
	for i, c := range pl.Result.Columns {
		cols[i] = c
	}
	if pl.Unpivot != nil {
		cols[-1] = pl.Unpivot.Into[0]
	}
	for _, i := range slices.Sorted(maps.Keys(cols)) {
		col, ok := t.Column(cols[i])
		if !ok || col.Type != model.Enum {
			continue
		}
		f := "values of %s:"
		if nl {
			f = "waarden van %s:"
		}
		out = append(out, fmt.Sprintf(f, col.Name))
		for _, v := range col.Values {
			doc := model.ValueDoc(col.Name, v)
			if nl {
				doc = model.ValueDocsNL[col.Name][v]
			}
			out = append(out, fmt.Sprintf("  %-24s %s", v, doc))
		}
	}
	return out
}

// Unpivot turns a wide export, one column per question, into rows: per
// row of the export and per question column one row with the question's
// canonical value in Into[0] and the answer in Into[1].
type Unpivot struct {
	Into    [2]string      // [consent_type, granted]
	Columns map[int]string // header index -> canonical value of its question
	Review  map[int]bool   // questions whose value was proposed by words alone
}
