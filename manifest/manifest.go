// Package manifest reads and validates the manifest of a source directory:
// the YAML file that says which export file fills which canonical table, how
// the export's own headers map onto canonical columns, and how its labels
// map onto canonical values.
package manifest

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"path"
	"slices"
	"sort"
	"strings"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/avgaudit/avgaudit/model"
	"github.com/avgaudit/avgaudit/values"
	"github.com/avgaudit/avgaudit/vocab"
)

// FileName is the manifest's name inside a source directory.
const FileName = "manifest.yaml"

// Version is the manifest format this package reads.
const Version = 1

// Manifest describes one source directory.
type Manifest struct {
	Version      int    `yaml:"version"`
	Organisation string `yaml:"organisation"`
	AsOf         string `yaml:"as_of"`  // optional default reference date, YYYY-MM-DD
	Policy       string `yaml:"policy"` // optional policy file, relative to the manifest
	// AcceptedRisks is an optional accepted-risk register (YAML), relative
	// to the manifest (docs/accepted-risks.md).
	AcceptedRisks string `yaml:"accepted_risks"`
	// Previous is an optional earlier run to compare with, relative to the
	// manifest: a results file or a history folder.
	Previous string             `yaml:"previous"`
	Systems  map[string]*System `yaml:"systems"`

	keyLines map[string]int // line of each top-level key and system
}

// System is one source system and the files exported from it.
type System struct {
	Product string  `yaml:"product"`
	Files   []*File `yaml:"files"`
}

// File is one export file (or one sheet of a workbook) and its mapping.
type File struct {
	File      string                       `yaml:"file"`
	Sheet     string                       `yaml:"sheet"`
	Table     string                       `yaml:"table"`
	Delimiter string                       `yaml:"delimiter"`
	Columns   map[string]string            `yaml:"columns"` // export header -> canonical column
	Values    map[string]map[string]string `yaml:"-"`       // canonical column -> export value -> canonical value
	// Fixed are the canonical columns the export lacks, each with the one
	// value every row gets: `values: {system: Flexkids}` (a scalar under
	// values: where a label mapping would be a mapping).
	Fixed map[string]string `yaml:"-"`
	// Unpivot turns a wide export, one column per question, into one row
	// per question answered (see Unpivot).
	Unpivot *Unpivot `yaml:"unpivot"`
	// Split names canonical columns whose cells hold several values, with
	// the separator: `split: {child_id: ","}` gives one row per value.
	Split map[string]string `yaml:"split"`
	// Join names the key column by which this entry adds its columns to
	// the rows another entry of the same table loads (a children's sheet
	// and a placements sheet linked by the child number): its rows are no
	// records of their own. See docs/manifest.md.
	Join string `yaml:"join"`
	// Lookup names columns whose export values are another column's
	// values, looked up in the system's children table: `lookup:
	// {portal_child_id: child_id}` for a consent export that names the
	// child by the administration's number (see docs/manifest.md).
	Lookup map[string]string `yaml:"lookup"`
	// Joined are the canonical columns join entries add to this entry's
	// rows: filled by Parse, so a required column they map is not missing.
	Joined map[string]bool `yaml:"-"`

	System  string `yaml:"-"` // filled by Parse: the system key
	Product string `yaml:"-"` // filled by Parse: the system's product
	Line    int    `yaml:"-"` // line of this entry in the manifest

	rawValues    yaml.Node                 // values: as written, until splitValues
	unpivotLines map[string]int            // line of each unpivot column, by export header ("\x00into" for its keys)
	splitLines   map[string]int            // line of each split column
	keyLines     map[string]int            // line of each key of the entry (table, sheet, ...)
	columnLines  map[string]int            // line of each column mapping, by export header
	valueLines   map[string]map[string]int // line of each value mapping, by column and label
}

// Unpivot turns the export's question columns into rows: each filled cell
// of a column listed in Columns becomes a row whose Into[0] column holds
// the question (the value the column is mapped to) and whose Into[1]
// column holds the cell. A blank cell gives no row, unless the values:
// mapping of Into[1] maps "" (a checkbox column: `"": nee`).
type Unpivot struct {
	Into    []string          `yaml:"into"`    // [question column, answer column]
	Columns map[string]string `yaml:"columns"` // export header -> value of Into[0]
}

// fileYAML is how an entry is written: values: holds label mappings and
// fixed values side by side, told apart after decoding (splitValues).
type fileYAML struct {
	filePlain `yaml:",inline"`
	Values    yaml.Node `yaml:"values"`
}

// filePlain is File without its methods, for decoding.
type filePlain File

// UnmarshalYAML decodes an entry; values: is split into label mappings and
// fixed values by Parse, which knows the lines for its messages.
func (f *File) UnmarshalYAML(n *yaml.Node) error {
	var raw fileYAML
	err := n.Decode(&raw)
	*f = File(raw.filePlain)
	f.rawValues = raw.Values
	return err
}

// lineOf is the manifest line of key in the entry, else the entry's.
func (f *File) lineOf(key string) int {
	if l := f.keyLines[key]; l > 0 {
		return l
	}
	return f.Line
}

// Label names the file (and sheet) the way messages and reports do.
func (f *File) Label() string {
	if f.Sheet != "" {
		return fmt.Sprintf("%s [%s]", f.File, f.Sheet)
	}
	return f.File
}

// IsWorkbook reports whether the file is an Excel workbook.
func (f *File) IsWorkbook() bool {
	ext := strings.ToLower(path.Ext(f.File))
	return ext == ".xlsx" || ext == ".xlsm"
}

// Files lists every file entry in a stable order: by system, then as written.
func (m *Manifest) Files() []*File {
	var out []*File
	for _, sys := range model.Systems {
		if s := m.Systems[sys]; s != nil {
			out = append(out, s.Files...)
		}
	}
	return out
}

// AsOfDate parses the manifest's as_of date; ok is false when it is absent.
func (m *Manifest) AsOfDate() (t time.Time, ok bool, err error) {
	if m.AsOf == "" {
		return time.Time{}, false, nil
	}
	t, err = time.Parse(time.DateOnly, m.AsOf)
	if err != nil {
		return time.Time{}, false, vocab.Errorf("as_of %q: verwacht een datum als 2026-09-01", "as_of %q: expected a date like 2026-09-01", m.AsOf)
	}
	return t, true, nil
}

// Load reads and validates the manifest in dir of fsys.
func Load(fsys fs.FS, dir string) (*Manifest, error) {
	name := path.Join(dir, FileName)
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, &notFoundError{err}
		}
		return nil, vocab.Wrapf(err, "lees het manifest", "read manifest")
	}
	m, err := Parse(bytes.NewReader(data))
	if err != nil {
		return nil, vocab.Wrapf(err, "%s", "%s", FileName)
	}
	return m, nil
}

// notFoundError is Load's error for a directory without a manifest; it
// wraps fs.ErrNotExist, so callers can fall back to recognising the exports.
type notFoundError struct{ err error }

func (e *notFoundError) Error() string {
	return fmt.Sprintf("no %s: the source directory needs a manifest that lists the export files and what they hold (run avgaudit init to write one; see docs/manifest.md)", FileName)
}

// Dutch is the error in Dutch.
func (e *notFoundError) Dutch() string {
	return fmt.Sprintf("geen %s: de bronmap heeft een manifest nodig dat de exportbestanden noemt en wat ze bevatten (avgaudit init schrijft er een; zie docs/manifest.md)", FileName)
}

func (e *notFoundError) Unwrap() error { return e.err }

// Parse decodes and validates a manifest. Unknown keys are errors, so a typo
// ("colums:") is caught instead of silently ignored. Every mistake is
// reported, each with its line, in one error.
func Parse(r io.Reader) (*Manifest, error) {
	var node yaml.Node
	dec := yaml.NewDecoder(r)
	if err := dec.Decode(&node); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, Errors{{msg: "the manifest is empty", nl: "het manifest is leeg"}}
		}
		return nil, Errors{{msg: "not valid YAML: " + err.Error(), nl: "geen geldige YAML: " + err.Error()}}
	}
	var m Manifest
	errs := unknownKeys(&node)
	if err := node.Decode(&m); err != nil {
		var te *yaml.TypeError
		if !errors.As(err, &te) {
			return nil, Errors{{msg: "not valid YAML: " + err.Error(), nl: "geen geldige YAML: " + err.Error()}}
		}
		for _, e := range te.Errors {
			n := lineOfYAML(e)
			msg := strings.TrimPrefix(e, fmt.Sprintf("line %d: ", n))
			errs = append(errs, lineError{n, msg, "verkeerd soort waarde: " + msg})
		}
	}
	recordLines(&node, &m)
	for sys, s := range m.Systems {
		for i, f := range s.filesOrNil() {
			if f != nil {
				errs = append(errs, f.splitValues(fmt.Sprintf(" (systems.%s.files[%d])", sys, i))...)
			}
		}
	}
	m.slashPaths()
	errs = append(errs, m.validate()...)
	if len(errs) == 0 {
		return &m, nil
	}
	sort.SliceStable(errs, func(i, j int) bool { return errs[i].line < errs[j].line })
	return nil, Errors(errs)
}

// Errors are the mistakes of a manifest, one a line, in English (Error)
// and in Dutch (Dutch).
type Errors []lineError

func (es Errors) Error() string { return es.join(false) }

// Dutch is the list of mistakes in Dutch.
func (es Errors) Dutch() string { return es.join(true) }

func (es Errors) join(nl bool) string {
	lines := make([]string, len(es))
	for i, e := range es {
		lines[i] = e.text(nl)
	}
	return strings.Join(lines, "\n")
}

// lineError is one mistake in the manifest, in English and Dutch, and its
// line (0 if it has none).
type lineError struct {
	line    int
	msg, nl string
}

func (e lineError) text(nl bool) string {
	switch {
	case nl && e.line > 0:
		return fmt.Sprintf("regel %d: %s", e.line, e.nl)
	case nl:
		return e.nl
	case e.line > 0:
		return fmt.Sprintf("line %d: %s", e.line, e.msg)
	}
	return e.msg
}

// bi is a message in English and Dutch, built up part by part.
type bi struct{ en, nl string }

func (b *bi) add(en, nl string, args ...any) {
	b.en += fmt.Sprintf(en, args...)
	b.nl += fmt.Sprintf(nl, args...)
}

// lineOfYAML reads the line number yaml.v3 starts an error with.
func lineOfYAML(msg string) int {
	var n int
	fmt.Sscanf(msg, "line %d:", &n)
	return n
}

// allowedKeys are the keys of each level of the manifest.
var allowedKeys = map[string][]string{
	"top":     {"version", "organisation", "as_of", "policy", "accepted_risks", "previous", "systems"},
	"system":  {"product", "files"},
	"file":    {"file", "sheet", "table", "join", "lookup", "delimiter", "columns", "values", "unpivot", "split"},
	"unpivot": {"into", "columns"},
}

// unknownKeys finds the keys the manifest does not know, at every level,
// with the closest known key.
func unknownKeys(root *yaml.Node) []lineError {
	var errs []lineError
	check := func(n *yaml.Node, level, where string) {
		if n == nil || n.Kind != yaml.MappingNode {
			return
		}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k := n.Content[i]
			if slices.Contains(allowedKeys[level], k.Value) {
				continue
			}
			var m bi
			m.add("%sunknown key %q", "%sonbekende sleutel %q", where, k.Value)
			if s := closest(k.Value, allowedKeys[level]); s != "" {
				m.add(": did you mean %s?", ": bedoel je %s?", s)
			}
			m.add(" (allowed keys here: %s)", " (sleutels die hier kunnen: %s)", strings.Join(allowedKeys[level], ", "))
			errs = append(errs, lineError{k.Line, m.en, m.nl})
		}
	}
	doc := root
	if doc.Kind == yaml.DocumentNode && len(doc.Content) > 0 {
		doc = doc.Content[0]
	}
	check(doc, "top", "")
	systems := mapValue(doc, "systems")
	if systems == nil || systems.Kind != yaml.MappingNode {
		return errs
	}
	for i := 0; i+1 < len(systems.Content); i += 2 {
		sys, s := systems.Content[i].Value, systems.Content[i+1]
		check(s, "system", "systems."+sys+": ")
		files := mapValue(s, "files")
		if files == nil || files.Kind != yaml.SequenceNode {
			continue
		}
		for j, f := range files.Content {
			where := fmt.Sprintf("systems.%s.files[%d]: ", sys, j)
			check(f, "file", where)
			check(mapValue(f, "unpivot"), "unpivot", where+"unpivot: ")
		}
	}
	return errs
}

// Closest is the option nearest to name in spelling, if one is near
// enough to be a typo of it; "" otherwise. The command line uses it for
// options.
func Closest(name string, options []string) string { return closest(name, options) }

// closest is the option nearest to name in spelling, if one is near
// enough to be a typo of it ("first_nme" is first_name); "" otherwise.
func closest(name string, options []string) string {
	best, bestD, bestL := "", 1<<30, 0
	for _, o := range options {
		d := distance(strings.ToLower(name), strings.ToLower(o))
		l := common(strings.ToLower(name), strings.ToLower(o))
		if d < bestD || (d == bestD && l > bestL) { // on a tie, the one sharing most letters in order
			best, bestD, bestL = o, d, l
		}
	}
	n := len([]rune(name))
	if bestD <= max(2, n/3) && bestD < n {
		return best
	}
	return ""
}

// common is the length of the longest common subsequence of a and b.
func common(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	for i := 1; i <= len(ra); i++ {
		cur := make([]int, len(rb)+1)
		for j := 1; j <= len(rb); j++ {
			switch {
			case ra[i-1] == rb[j-1]:
				cur[j] = prev[j-1] + 1
			default:
				cur[j] = max(prev[j], cur[j-1])
			}
		}
		prev = cur
	}
	return prev[len(rb)]
}

// distance is the edit distance of a and b: insertions, deletions,
// substitutions and swaps of neighbours.
func distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	d := make([][]int, len(ra)+1)
	for i := range d {
		d[i] = make([]int, len(rb)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(ra); i++ {
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(ra)][len(rb)]
}

// recordLines notes the manifest line of each file entry, and of each of
// its keys, column mappings and value mappings, for messages.
func recordLines(root *yaml.Node, m *Manifest) {
	doc := root
	if doc.Kind == yaml.DocumentNode && len(doc.Content) > 0 {
		doc = doc.Content[0]
	}
	m.keyLines = map[string]int{}
	for i := 0; doc.Kind == yaml.MappingNode && i+1 < len(doc.Content); i += 2 {
		m.keyLines[doc.Content[i].Value] = doc.Content[i].Line
	}
	systems := mapValue(doc, "systems")
	for sys, s := range m.Systems {
		m.keyLines["systems."+sys] = keyLine(systems, sys)
		files := mapValue(mapValue(systems, sys), "files")
		if s == nil || files == nil {
			continue
		}
		for i, f := range s.Files {
			if i >= len(files.Content) || f == nil {
				continue
			}
			fn := files.Content[i]
			f.Line = fn.Line
			f.keyLines, f.columnLines, f.valueLines = map[string]int{}, map[string]int{}, map[string]map[string]int{}
			for k := 0; fn.Kind == yaml.MappingNode && k+1 < len(fn.Content); k += 2 {
				f.keyLines[fn.Content[k].Value] = fn.Content[k].Line
			}
			if cols := mapValue(fn, "columns"); cols != nil && cols.Kind == yaml.MappingNode {
				for k := 0; k+1 < len(cols.Content); k += 2 {
					f.columnLines[cols.Content[k].Value] = cols.Content[k].Line
				}
			}
			f.unpivotLines, f.splitLines = map[string]int{}, map[string]int{}
			if up := mapValue(fn, "unpivot"); up != nil && up.Kind == yaml.MappingNode {
				for k := 0; k+1 < len(up.Content); k += 2 {
					f.unpivotLines["\x00"+up.Content[k].Value] = up.Content[k].Line
				}
				if cols := mapValue(up, "columns"); cols != nil && cols.Kind == yaml.MappingNode {
					for k := 0; k+1 < len(cols.Content); k += 2 {
						f.unpivotLines[cols.Content[k].Value] = cols.Content[k].Line
					}
				}
			}
			if sp := mapValue(fn, "split"); sp != nil && sp.Kind == yaml.MappingNode {
				for k := 0; k+1 < len(sp.Content); k += 2 {
					f.splitLines[sp.Content[k].Value] = sp.Content[k].Line
				}
			}
			if vals := mapValue(fn, "values"); vals != nil && vals.Kind == yaml.MappingNode {
				for k := 0; k+1 < len(vals.Content); k += 2 {
					col, labels := vals.Content[k].Value, vals.Content[k+1]
					f.valueLines[col] = map[string]int{"": vals.Content[k].Line}
					for l := 0; labels.Kind == yaml.MappingNode && l+1 < len(labels.Content); l += 2 {
						f.valueLines[col][labels.Content[l].Value] = labels.Content[l].Line
					}
				}
			}
		}
	}
}

// keyLine is the line of key in mapping n, 0 if absent.
func keyLine(n *yaml.Node, key string) int {
	for i := 0; n != nil && n.Kind == yaml.MappingNode && i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return n.Content[i].Line
		}
	}
	return 0
}

func mapValue(n *yaml.Node, key string) *yaml.Node {
	if n == nil || n.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return n.Content[i+1]
		}
	}
	return nil
}

func (m *Manifest) validate() []lineError {
	var errs []lineError
	add := func(line int, en, nl string, args ...any) {
		errs = append(errs, lineError{line, fmt.Sprintf(en, args...), fmt.Sprintf(nl, args...)})
	}
	if m.Version != Version {
		add(m.keyLines["version"], "version: got %d, this avgaudit reads version %d (add `version: %d` at the top)",
			"version: %d gevonden, deze avgaudit leest versie %d (zet `version: %d` bovenaan)", m.Version, Version, Version)
	}
	if _, _, err := m.AsOfDate(); err != nil {
		add(m.keyLines["as_of"], "as_of %q: expected a date like 2026-09-01", "as_of %q: verwacht een datum als 2026-09-01", m.AsOf)
	}
	for _, ref := range []struct{ key, path string }{{"policy", m.Policy}, {"accepted_risks", m.AcceptedRisks}, {"previous", m.Previous}} {
		if ref.path != "" && !inside(ref.path) {
			add(m.keyLines[ref.key], "%s: %q must be a path inside the source directory, relative to the manifest",
				"%s: %q moet een pad binnen de bronmap zijn, ten opzichte van het manifest", ref.key, ref.path)
		}
	}
	if len(m.Systems) == 0 {
		add(m.keyLines["systems"], "systems: no systems listed; expected one or more of %s",
			"systems: geen systemen genoemd; verwacht een of meer van %s", strings.Join(model.Systems, ", "))
	}
	keys := make([]string, 0, len(m.Systems))
	for k := range m.Systems {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	seen := map[string]int{}
	for _, sys := range keys {
		s := m.Systems[sys]
		line := m.keyLines["systems."+sys]
		if !isSystem(sys) {
			var m bi
			m.add("systems: unknown system %q", "systems: onbekend systeem %q", sys)
			if c := closest(sys, model.Systems); c != "" {
				m.add(": did you mean %s?", ": bedoel je %s?", c)
			}
			m.add("; expected one of %s", "; verwacht een van %s", strings.Join(model.Systems, ", "))
			add(line, "%s", "%s", m.en)
			errs[len(errs)-1].nl = m.nl
			continue
		}
		if s == nil || strings.TrimSpace(s.Product) == "" {
			add(line, "systems.%s: product is missing; name the product the export comes from (e.g. Kidsadmin, Konnect, KIJK!)",
				"systems.%s: product ontbreekt; noem het product waar de export vandaan komt (bijv. Kidsadmin, Konnect, KIJK!)", sys)
			continue
		}
		if len(s.Files) == 0 {
			add(line, "systems.%s: no files listed", "systems.%s: geen bestanden genoemd", sys)
		}
		for i, f := range s.Files {
			if f == nil {
				add(line, "systems.%s.files[%d]: empty entry", "systems.%s.files[%d]: lege regel", sys, i)
				continue
			}
			f.System, f.Product = sys, s.Product
			errs = append(errs, f.validate(sys, i)...)
			// A file may fill several tables (a consent export is also the
			// portal's list of children), each once.
			id := f.File + "\x00" + f.Sheet + "\x00" + f.Table
			if prev, dup := seen[id]; dup {
				add(f.Line, "%s is listed twice for %s (also on line %d); list each file or sheet once per table",
					"%s staat er twee keer in voor %s (ook op regel %d); noem elk bestand of werkblad één keer per tabel", f.Label(), f.Table, prev)
			}
			seen[id] = f.Line
		}
	}
	return append(errs, m.validateJoins()...)
}

// validateJoins checks that every join entry has an entry of its table to
// add its columns to, and tells those entries which columns they get.
func (m *Manifest) validateJoins() []lineError {
	var errs []lineError
	mains := map[string][]*File{}
	for _, f := range m.Files() {
		if f != nil && f.Join == "" {
			mains[f.Table] = append(mains[f.Table], f)
		}
	}
	for _, f := range m.Files() {
		if f == nil || f.Join == "" {
			continue
		}
		if len(mains[f.Table]) == 0 {
			errs = append(errs, lineError{f.lineOf("join"),
				fmt.Sprintf("join: %s adds its columns to the rows of another entry of %s, but there is none; list the export that has one row per record under table: %s too, or leave join: out", f.Label(), f.Table, f.Table),
				fmt.Sprintf("join: %s voegt zijn kolommen toe aan de rijen van een ander deel voor %s, maar dat is er niet; zet de export met één rij per record er ook in met table: %s, of laat join: weg", f.Label(), f.Table, f.Table)})
			continue
		}
		for _, main := range mains[f.Table] {
			if main.Joined == nil {
				main.Joined = map[string]bool{}
			}
			for _, c := range f.Columns {
				main.Joined[c] = true
			}
		}
	}
	return errs
}

// slashPaths turns the backslashes of paths written on Windows
// (kidsadmin\kinderen.csv) into the forward slashes that every platform's
// file access here expects, so a manifest works wherever it was written.
func (m *Manifest) slashPaths() {
	for _, p := range []*string{&m.Policy, &m.AcceptedRisks, &m.Previous} {
		*p = strings.ReplaceAll(*p, `\`, "/")
	}
	for _, f := range m.Files() {
		if f != nil {
			f.File = strings.ReplaceAll(f.File, `\`, "/")
		}
	}
}

// inside reports whether p is a relative path that stays inside the
// source directory. A Windows drive (C:/...) is absolute too.
func inside(p string) bool {
	drive := len(p) >= 2 && p[1] == ':'
	return !path.IsAbs(p) && !drive && !strings.HasPrefix(path.Clean(p), "..")
}

func isSystem(s string) bool {
	for _, k := range model.Systems {
		if k == s {
			return true
		}
	}
	return false
}

func (f *File) validate(sys string, i int) []lineError {
	var errs []lineError
	where := fmt.Sprintf("systems.%s.files[%d]", sys, i)
	add := func(line int, en, nl string, args ...any) {
		errs = append(errs, lineError{line, fmt.Sprintf(en, args...) + " (" + where + ")", fmt.Sprintf(nl, args...) + " (" + where + ")"})
	}
	addBi := func(line int, m bi) { add(line, "%s", "%s", m.en); errs[len(errs)-1].nl = m.nl + " (" + where + ")" }
	switch {
	case f.File == "":
		add(f.Line, "file is missing", "file ontbreekt")
	case !inside(f.File):
		add(f.lineOf("file"), "file %q must be a path inside the source directory", "file %q moet een pad binnen de bronmap zijn", f.File)
	}
	if !f.IsWorkbook() && f.Sheet != "" {
		add(f.lineOf("sheet"), "sheet %q given for %s, which is not a workbook (.xlsx)", "sheet %q gegeven voor %s, dat geen werkmap (.xlsx) is", f.Sheet, f.File)
	}
	if len([]rune(f.Delimiter)) > 1 {
		add(f.lineOf("delimiter"), "delimiter %q must be one character, such as \";\" or \",\"", "delimiter %q moet één teken zijn, zoals \";\" of \",\"", f.Delimiter)
	}
	t, ok := model.Lookup(f.Table)
	if !ok {
		var m bi
		if f.Table == "" {
			m.add("table is missing", "table ontbreekt")
		} else {
			m.add("unknown table %q", "onbekende tabel %q", f.Table)
		}
		if c := closest(f.Table, model.TableNames("")); c != "" {
			m.add(": did you mean %s?", ": bedoel je %s?", c)
		}
		m.add("; tables of system %s: %s", "; tabellen van systeem %s: %s", sys, strings.Join(model.TableNames(sys), ", "))
		addBi(f.lineOf("table"), m)
		return errs
	}
	// A register table may come from any system's export (a system's own
	// user list fills accounts); the others belong to their system.
	if t.System != sys && t.System != "register" {
		add(f.lineOf("table"), "table %s belongs to system %s, not %s; move the entry under systems: %s:", "tabel %s hoort bij systeem %s, niet bij %s; zet het onder systems: %s:", f.Table, t.System, sys, t.System)
	}
	headers := make([]string, 0, len(f.Columns))
	for h := range f.Columns {
		headers = append(headers, h)
	}
	sort.Strings(headers)
	folded := map[string]string{}
	for _, header := range headers {
		k := strings.ToLower(strings.TrimSpace(header))
		if other, dup := folded[k]; dup {
			a, b := sortPair(header, other)
			add(f.columnLine(header), "columns: %q and %q differ only in upper/lower case or spaces; headers are matched regardless of case, so keep one",
				"columns: %q en %q verschillen alleen in hoofdletters of spaties; kolomkoppen worden zonder onderscheid in hoofdletters gekoppeld, dus houd er één", a, b)
		}
		folded[k] = header
	}
	targets := map[string]string{}
	for _, header := range headers {
		c := f.Columns[header]
		if _, ok := t.Column(c); !ok {
			var m bi
			if s := closest(c, t.ColumnNames()); s != "" {
				m.add("columns: %q maps to %q: did you mean %s? (%s is not a column of %s)", "columns: %q is gekoppeld aan %q: bedoel je %s? (%s is geen kolom van %s)", header, c, s, c, f.Table)
			} else {
				m.add("columns: %q maps to %q, which is not a column of %s", "columns: %q is gekoppeld aan %q, dat geen kolom van %s is", header, c, f.Table)
			}
			m.add("; its columns: %s", "; de kolommen: %s", strings.Join(t.ColumnNames(), ", "))
			addBi(f.columnLine(header), m)
			continue
		}
		if other, dup := targets[c]; dup {
			a, b := sortPair(header, other)
			add(f.columnLine(header), "columns: both %q and %q map to %s; map one export column to each canonical column",
				"columns: zowel %q als %q is gekoppeld aan %s; koppel één exportkolom aan elke kolom van de tabel", a, b, c)
		}
		targets[c] = header
	}
	f.validateShape(t, targets, addBi)
	for col, by := range f.Lookup {
		var m bi
		switch {
		case col == "child_id" && by == "name" && f.Table != "admin_children":
			// a register naming the children: their names are looked up
		case col == "child_id":
			m.add("lookup: child_id: %q: child_id is looked up by the child's name (lookup: {child_id: name}), in a table other than admin_children", "lookup: child_id: %q: child_id wordt opgezocht met de naam van het kind (lookup: {child_id: name}), in een andere tabel dan admin_children", by)
		case col != "portal_child_id" && col != "tracking_child_id":
			m.add("lookup: %q: only portal_child_id and tracking_child_id (by child_id in their system's children) and child_id (by name) can be looked up", "lookup: %q: alleen portal_child_id en tracking_child_id (met child_id in de kinderen van hun systeem) en child_id (met de naam) kunnen worden opgezocht", col)
		case by != "child_id":
			m.add("lookup: %s: %q: the value looked up is the administration's child_id", "lookup: %s: %q: de opgezochte waarde is het child_id van de administratie", col, by)
		case f.Table == "portal_children" || f.Table == "tracking_children":
			m.add("lookup: a children table cannot look its own key up", "lookup: een tabel met kinderen kan zijn eigen sleutel niet opzoeken")
		}
		if _, ok := t.Column(col); !ok && m.en == "" {
			m.add("lookup: %q is not a column of %s", "lookup: %q is geen kolom van %s", col, f.Table)
		}
		if m.en != "" {
			addBi(f.lineOf("lookup"), m)
		}
	}
	if f.Join != "" {
		var m bi
		switch col, ok := t.Column(f.Join); {
		case !ok || !col.Key:
			m.add("join: %q is not the key of %s; name its key column (%s)", "join: %q is niet de sleutel van %s; noem de sleutelkolom (%s)", f.Join, f.Table, strings.Join(t.KeyColumns(), ", "))
		case targets[f.Join] == "":
			m.add("join: no header is mapped to %s under columns:; map the export's column that holds it", "join: geen kolomkop is onder columns: gekoppeld aan %s; koppel de kolom van de export die het bevat", f.Join)
		case f.Unpivot != nil || len(f.Split) > 0:
			m.add("join: cannot be combined with unpivot: or split:", "join: kan niet samen met unpivot: of split:")
		}
		if m.en != "" {
			addBi(f.lineOf("join"), m)
		}
	}
	cols := make([]string, 0, len(f.Values))
	for c := range f.Values {
		cols = append(cols, c)
	}
	sort.Strings(cols)
	for _, c := range cols {
		col, ok := t.Column(c)
		if !ok {
			var m bi
			m.add("values: %q is not a column of %s", "values: %q is geen kolom van %s", c, f.Table)
			if s := closest(c, t.ColumnNames()); s != "" {
				m.add(": did you mean %s?", ": bedoel je %s?", s)
			}
			m.add("; value mappings are keyed by canonical column", "; waardekoppelingen staan onder de kolom van de tabel")
			addBi(f.valueLine(c, ""), m)
			continue
		}
		labels := make([]string, 0, len(f.Values[c]))
		for l := range f.Values[c] {
			labels = append(labels, l)
		}
		sort.Strings(labels)
		for _, label := range labels {
			v := f.Values[c][label]
			if m := badTarget(col, v); m.en != "" {
				add(f.valueLine(c, label), "values: %s: %q maps to %q, %s", "values: %s: %q is gekoppeld aan %q, %s", c, label, v, m.en)
				errs[len(errs)-1].nl = fmt.Sprintf("values: %s: %q is gekoppeld aan %q, %s (%s)", c, label, v, m.nl, where)
			}
		}
	}
	return errs
}

// columnLine is the line of a column mapping, else the entry's.
func (f *File) columnLine(header string) int {
	if l := f.columnLines[header]; l > 0 {
		return l
	}
	return f.lineOf("columns")
}

// valueLine is the line of a value mapping ("" for the column's own
// line), else the entry's.
func (f *File) valueLine(col, label string) int {
	if l := f.valueLines[col][label]; l > 0 {
		return l
	}
	return f.lineOf("values")
}

// SkipLabel is the value that leaves the rows with a label out, for an
// enumeration: `values: {consent_type: {"Mee op uitstapjes": "-"}}` for a
// question the model has no value for. Those rows are not made, as an
// unpivot's blank answer, instead of being rejected.
const SkipLabel = "-"

// badTarget says what is wrong with v as a value of col that an export
// label is mapped to, or "" if the loader can read it (a blank is read as
// no value).
func badTarget(col *model.Column, v string) bi {
	if strings.TrimSpace(v) == "" || (v == SkipLabel && col.Type == model.Enum) {
		return bi{}
	}
	switch col.Type {
	case model.Enum:
		for _, allowed := range col.Values {
			if strings.EqualFold(allowed, strings.TrimSpace(v)) {
				return bi{}
			}
		}
		var m bi
		m.add("which is not one of %s", "dat geen van deze is: %s", strings.Join(col.Values, ", "))
		if c := closest(v, col.Values); c != "" {
			m.add(": did you mean %s?", ": bedoel je %s?", c)
		}
		return m
	case model.Bool:
		if _, err := values.ParseBool(v); err != nil {
			return bi{"which is not a yes/no value; use ja or nee", "dat geen ja/nee-waarde is; gebruik ja of nee"}
		}
	}
	return bi{}
}

func sortPair(a, b string) (string, string) {
	if a > b {
		return b, a
	}
	return a, b
}

// splitValues reads values: as written: a mapping under a column maps the
// export's labels (Values), a single value is the column's fixed value
// (Fixed).
func (f *File) splitValues(where string) (errs []lineError) {
	defer func() {
		for i := range errs {
			errs[i].msg += where
			errs[i].nl += where
		}
	}()
	raw := f.rawValues
	f.rawValues = yaml.Node{}
	n := &raw
	if n.Kind == 0 || (n.Kind == yaml.ScalarNode && n.Tag == "!!null") {
		return nil
	}
	if n.Kind != yaml.MappingNode {
		return []lineError{{n.Line, "values: expected column: {export label: value} or column: fixed value",
			"values: verwacht kolom: {label in de export: waarde} of kolom: vaste waarde"}}
	}
	for k := 0; k+1 < len(n.Content); k += 2 {
		col, v := n.Content[k].Value, n.Content[k+1]
		switch v.Kind {
		case yaml.MappingNode:
			if f.Values == nil {
				f.Values = map[string]map[string]string{}
			}
			labels := map[string]string{}
			for l := 0; l+1 < len(v.Content); l += 2 {
				lv := v.Content[l+1]
				if lv.Kind != yaml.ScalarNode {
					errs = append(errs, lineError{lv.Line,
						fmt.Sprintf("values: %s: %q must map to one value, such as ja or photo_portal", col, v.Content[l].Value),
						fmt.Sprintf("values: %s: %q moet aan één waarde gekoppeld zijn, zoals ja of photo_portal", col, v.Content[l].Value)})
					continue
				}
				labels[v.Content[l].Value] = lv.Value
			}
			f.Values[col] = labels
		case yaml.ScalarNode:
			if v.Tag == "!!null" || strings.TrimSpace(v.Value) == "" {
				errs = append(errs, lineError{v.Line,
					fmt.Sprintf("values: %s: no value; give the value every row gets (values: {%s: ...}) or the labels to map (values: {%s: {label: value}})", col, col, col),
					fmt.Sprintf("values: %s: geen waarde; geef de waarde die elke rij krijgt (values: {%s: ...}) of de labels om te koppelen (values: {%s: {label: waarde}})", col, col, col)})
				continue
			}
			if v.Value == SkipLabel {
				errs = append(errs, lineError{v.Line,
					fmt.Sprintf("values: %s: \"-\" leaves out the rows of a label (values: {%s: {label: \"-\"}}); as the value of every row it would leave out all", col, col),
					fmt.Sprintf("values: %s: \"-\" laat de rijen van een label weg (values: {%s: {label: \"-\"}}); als waarde van elke rij zou het alle rijen weglaten", col, col)})
				continue
			}
			if f.Fixed == nil {
				f.Fixed = map[string]string{}
			}
			f.Fixed[col] = v.Value
		default:
			errs = append(errs, lineError{v.Line,
				fmt.Sprintf("values: %s: expected a fixed value or a mapping {export label: value}, not a list", col),
				fmt.Sprintf("values: %s: verwacht een vaste waarde of een koppeling {label in de export: waarde}, geen lijst", col)})
		}
	}
	return errs
}

// unpivotLine is the line of an unpivot column (or, for "" or a key of
// unpivot such as "into", of that key), else the entry's.
func (f *File) unpivotLine(header string) int {
	if l := f.unpivotLines[header]; l > 0 {
		return l
	}
	if l := f.unpivotLines["\x00"+header]; l > 0 {
		return l
	}
	return f.lineOf("unpivot")
}

// splitLine is the line of a split column, else the entry's.
func (f *File) splitLine(col string) int {
	if l := f.splitLines[col]; l > 0 {
		return l
	}
	return f.lineOf("split")
}

// UnpivotHeaders lists the export headers an unpivot turns into rows,
// sorted.
func (f *File) UnpivotHeaders() []string {
	if f.Unpivot == nil {
		return nil
	}
	hs := make([]string, 0, len(f.Unpivot.Columns))
	for h := range f.Unpivot.Columns {
		hs = append(hs, h)
	}
	sort.Strings(hs)
	return hs
}

// validateShape checks fixed values, unpivot and split against table t;
// mapped are the canonical columns columns: maps to.
func (f *File) validateShape(t *model.Table, mapped map[string]string, add func(line int, m bi)) {
	ofTable := func(line int, what, c string) bool {
		if _, ok := t.Column(c); ok {
			return true
		}
		var m bi
		m.add("%s: %q is not a column of %s", "%s: %q is geen kolom van %s", what, c, t.Name)
		if s := closest(c, t.ColumnNames()); s != "" {
			m.add(": did you mean %s?", ": bedoel je %s?", s)
		}
		m.add("; its columns: %s", "; de kolommen: %s", strings.Join(t.ColumnNames(), ", "))
		add(line, m)
		return false
	}
	for _, c := range slices.Sorted(maps.Keys(f.Fixed)) {
		line := f.valueLine(c, "")
		if !ofTable(line, "values", c) {
			continue
		}
		col, _ := t.Column(c)
		if h, dup := mapped[c]; dup {
			add(line, bi{fmt.Sprintf("values: %s: the export column %q already fills %s; remove one of the two", c, h, c),
				fmt.Sprintf("values: %s: de exportkolom %q vult %s al; haal een van de twee weg", c, h, c)})
			continue
		}
		if m := badFixed(col, f.Fixed[c]); m.en != "" {
			add(line, bi{fmt.Sprintf("values: %s: %q %s", c, f.Fixed[c], m.en), fmt.Sprintf("values: %s: %q %s", c, f.Fixed[c], m.nl)})
		}
	}
	filled := map[string]bool{} // canonical columns that make several rows of one
	if u := f.Unpivot; u != nil {
		intoLine := f.unpivotLine("into")
		switch {
		case len(u.Into) != 2:
			add(intoLine, bi{"unpivot: into: expected two columns, [the column that takes the question, the column that takes the cell], e.g. [consent_type, granted]",
				"unpivot: into: verwacht twee kolommen, [de kolom die de vraag krijgt, de kolom die de cel krijgt], bijv. [consent_type, granted]"})
		case u.Into[0] == u.Into[1]:
			add(intoLine, bi{fmt.Sprintf("unpivot: into: %s twice; the question and the cell go to two different columns", u.Into[0]),
				fmt.Sprintf("unpivot: into: twee keer %s; de vraag en de cel gaan naar twee verschillende kolommen", u.Into[0])})
		default:
			for _, c := range u.Into {
				if !ofTable(intoLine, "unpivot: into", c) {
					continue
				}
				if h, dup := mapped[c]; dup {
					add(intoLine, bi{fmt.Sprintf("unpivot: into: the export column %q already fills %s under columns:; remove it there", h, c),
						fmt.Sprintf("unpivot: into: de exportkolom %q vult %s al onder columns:; haal die daar weg", h, c)})
				}
				if _, dup := f.Fixed[c]; dup {
					add(intoLine, bi{fmt.Sprintf("unpivot: into: %s has a fixed value under values:; remove one of the two", c),
						fmt.Sprintf("unpivot: into: %s heeft een vaste waarde onder values:; haal een van de twee weg", c)})
				}
			}
			filled[u.Into[1]] = true
			if q, ok := t.Column(u.Into[0]); ok {
				for _, h := range f.UnpivotHeaders() {
					v := u.Columns[h]
					if strings.TrimSpace(v) == "" {
						add(f.unpivotLine(h), bi{fmt.Sprintf("unpivot: columns: %q has no value; give the %s it stands for", h, q.Name),
							fmt.Sprintf("unpivot: columns: %q heeft geen waarde; geef de %s waar de kolom voor staat", h, q.Name)})
						continue
					}
					if mv, ok := lookupLabel(f.Values[q.Name], v); ok {
						v = mv
					}
					if m := badFixed(q, v); m.en != "" {
						add(f.unpivotLine(h), bi{fmt.Sprintf("unpivot: columns: %q maps to %q, %s", h, u.Columns[h], m.en),
							fmt.Sprintf("unpivot: columns: %q is gekoppeld aan %q, %s", h, u.Columns[h], m.nl)})
					}
				}
			}
		}
		if len(u.Columns) == 0 {
			add(f.unpivotLine("columns"), bi{"unpivot: columns: no columns listed; list each export column that is a question, with the value it stands for (\"Foto's op onze website\": photo_external)",
				"unpivot: columns: geen kolommen genoemd; noem elke exportkolom die een vraag is, met de waarde waar die voor staat (\"Foto's op onze website\": photo_external)"})
		}
		for _, h := range f.UnpivotHeaders() {
			if c, dup := lookupLabel(f.Columns, h); dup {
				add(f.unpivotLine(h), bi{fmt.Sprintf("unpivot: columns: %q is also mapped to %s under columns:; an export column is either a question or a column", h, c),
					fmt.Sprintf("unpivot: columns: %q is ook onder columns: aan %s gekoppeld; een exportkolom is een vraag of een kolom, niet allebei", h, c)})
			}
		}
	}
	for _, c := range slices.Sorted(maps.Keys(f.Split)) {
		line := f.splitLine(c)
		if !ofTable(line, "split", c) {
			continue
		}
		if f.Split[c] == "" {
			add(line, bi{fmt.Sprintf("split: %s: no separator; give the character between the values, e.g. \",\" or \"|\"", c),
				fmt.Sprintf("split: %s: geen scheidingsteken; geef het teken tussen de waarden, bijv. \",\" of \"|\"", c)})
		}
		if _, fixed := f.Fixed[c]; fixed {
			add(line, bi{fmt.Sprintf("split: %s has a fixed value under values:; a fixed value is not split", c),
				fmt.Sprintf("split: %s heeft een vaste waarde onder values:; een vaste waarde wordt niet gesplitst", c)})
		}
		filled[c] = true
	}
	// One export row that unpivot makes several would repeat a key, unless
	// the key is the question column. Split may: the rows it makes differ
	// in the split column, which the loader's duplicate check then counts
	// with the key (a parent of two children in one row: two rows of one
	// guardian_id, one per child).
	if f.Unpivot != nil {
		for _, k := range t.KeyColumns() {
			if len(f.Unpivot.Into) == 2 && f.Unpivot.Into[0] == k {
				continue
			}
			what, line := "unpivot", f.lineOf("unpivot")
			add(line, bi{fmt.Sprintf("%s makes several rows of one export row, but %s is the key of %s and would repeat; %s cannot be used for this table", what, k, t.Name, what),
				fmt.Sprintf("%s maakt van één exportrij meerdere rijen, maar %s is de sleutel van %s en zou herhaald worden; %s kan voor deze tabel niet", what, k, t.Name, what)})
		}
	}
}

// badFixed says what is wrong with v as a value every row of col gets, or
// "" if the loader can read it.
func badFixed(col *model.Column, v string) bi {
	if m := badTarget(col, v); m.en != "" {
		return m
	}
	var err error
	switch col.Type {
	case model.Date:
		_, err = values.ParseDate(v)
	case model.Timestamp:
		_, err = values.ParseTimestamp(v)
	case model.Decimal:
		_, err = values.ParseDecimal(v)
	case model.BSN:
		_, err = values.NormalizeBSN(v)
	}
	if err != nil {
		return bi{"is not a " + col.Type.String() + ": " + err.Error(), "is geen " + col.Type.String() + ": " + values.Dutch(err)}
	}
	return bi{}
}

// lookupLabel looks a label up as the loader does: exactly, else ignoring
// case and surrounding spaces (the first in sorted order).
func lookupLabel(m map[string]string, key string) (string, bool) {
	if v, ok := m[key]; ok {
		return v, true
	}
	for _, k := range slices.Sorted(maps.Keys(m)) {
		if strings.EqualFold(strings.TrimSpace(k), strings.TrimSpace(key)) {
			return m[k], true
		}
	}
	return "", false
}

// filesOrNil is the system's files; none for a system left empty.
func (s *System) filesOrNil() []*File {
	if s == nil {
		return nil
	}
	return s.Files
}
