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
	"path"
	"sort"
	"strings"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/avgaudit/avgaudit/model"
	"github.com/avgaudit/avgaudit/values"
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
	Values    map[string]map[string]string `yaml:"values"`  // canonical column -> export value -> canonical value

	System  string `yaml:"-"` // filled by Parse: the system key
	Product string `yaml:"-"` // filled by Parse: the system's product
	Line    int    `yaml:"-"` // line of this entry in the manifest
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
		return time.Time{}, false, fmt.Errorf("as_of %q: expected a date like 2026-09-01", m.AsOf)
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
		return nil, fmt.Errorf("read manifest: %w", err)
	}
	m, err := Parse(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", FileName, err)
	}
	return m, nil
}

// notFoundError is Load's error for a directory without a manifest; it
// wraps fs.ErrNotExist, so callers can fall back to recognising the exports.
type notFoundError struct{ err error }

func (e *notFoundError) Error() string {
	return fmt.Sprintf("no %s: the source directory needs a manifest that lists the export files and what they hold (run avgaudit init to write one; see docs/manifest.md)", FileName)
}

func (e *notFoundError) Unwrap() error { return e.err }

// Parse decodes and validates a manifest. Unknown keys are errors, so a typo
// ("colums:") is caught instead of silently ignored.
func Parse(r io.Reader) (*Manifest, error) {
	var node yaml.Node
	dec := yaml.NewDecoder(r)
	if err := dec.Decode(&node); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, errors.New("the manifest is empty")
		}
		return nil, fmt.Errorf("not valid YAML: %w", err)
	}
	var m Manifest
	if err := decodeStrict(&node, &m); err != nil {
		return nil, err
	}
	recordLines(&node, &m)
	m.slashPaths()
	if err := m.validate(); err != nil {
		return nil, err
	}
	return &m, nil
}

func decodeStrict(node *yaml.Node, m *Manifest) error {
	// yaml.v3 only checks unknown fields through a Decoder; re-encode the node.
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	if err := enc.Encode(node); err != nil {
		return fmt.Errorf("not valid YAML: %w", err)
	}
	dec := yaml.NewDecoder(&buf)
	dec.KnownFields(true)
	if err := dec.Decode(m); err != nil {
		return fmt.Errorf("%w (allowed keys: version, organisation, as_of, policy, accepted_risks, previous, systems; per system: product, files; per file: file, sheet, table, delimiter, columns, values)", err)
	}
	return nil
}

// recordLines notes the manifest line of each file entry for messages.
func recordLines(root *yaml.Node, m *Manifest) {
	doc := root
	if doc.Kind == yaml.DocumentNode && len(doc.Content) > 0 {
		doc = doc.Content[0]
	}
	systems := mapValue(doc, "systems")
	for sys, s := range m.Systems {
		files := mapValue(mapValue(systems, sys), "files")
		if s == nil || files == nil {
			continue
		}
		for i, f := range s.Files {
			if i < len(files.Content) && f != nil {
				f.Line = files.Content[i].Line
			}
		}
	}
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

func (m *Manifest) validate() error {
	var errs []error
	add := func(format string, args ...any) { errs = append(errs, fmt.Errorf(format, args...)) }
	if m.Version != Version {
		add("version: got %d, this avgaudit reads version %d (add `version: %d` at the top)", m.Version, Version, Version)
	}
	if _, _, err := m.AsOfDate(); err != nil {
		errs = append(errs, err)
	}
	for _, ref := range []struct{ key, path string }{{"policy", m.Policy}, {"accepted_risks", m.AcceptedRisks}, {"previous", m.Previous}} {
		if ref.path != "" && !inside(ref.path) {
			add("%s: %q must be a path inside the source directory, relative to the manifest", ref.key, ref.path)
		}
	}
	if len(m.Systems) == 0 {
		add("systems: no systems listed; expected one or more of %s", strings.Join(model.Systems, ", "))
	}
	keys := make([]string, 0, len(m.Systems))
	for k := range m.Systems {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	seen := map[string]int{}
	for _, sys := range keys {
		s := m.Systems[sys]
		if !isSystem(sys) {
			add("systems: unknown system %q; expected one of %s", sys, strings.Join(model.Systems, ", "))
			continue
		}
		if s == nil || strings.TrimSpace(s.Product) == "" {
			add("systems.%s: product is missing; name the product the export comes from (e.g. Kidsadmin, Konnect, KIJK!)", sys)
			continue
		}
		if len(s.Files) == 0 {
			add("systems.%s: no files listed", sys)
		}
		for i, f := range s.Files {
			if f == nil {
				add("systems.%s.files[%d]: empty entry", sys, i)
				continue
			}
			f.System, f.Product = sys, s.Product
			errs = append(errs, f.validate(sys, i)...)
			id := f.File + "\x00" + f.Sheet
			if line, dup := seen[id]; dup {
				add("line %d: %s is listed twice (also on line %d); list each file or sheet once", f.Line, f.Label(), line)
			}
			seen[id] = f.Line
		}
	}
	return errors.Join(errs...)
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

func (f *File) validate(sys string, i int) []error {
	var errs []error
	where := fmt.Sprintf("line %d (systems.%s.files[%d])", f.Line, sys, i)
	add := func(format string, args ...any) {
		errs = append(errs, fmt.Errorf(where+": "+format, args...))
	}
	switch {
	case f.File == "":
		add("file is missing")
	case !inside(f.File):
		add("file %q must be a path inside the source directory", f.File)
	}
	if f.IsWorkbook() && f.Sheet == "" {
		add("%s is a workbook: add `sheet:` with the name of the sheet to load", f.File)
	}
	if !f.IsWorkbook() && f.Sheet != "" {
		add("sheet %q given for %s, which is not a workbook (.xlsx)", f.Sheet, f.File)
	}
	if len([]rune(f.Delimiter)) > 1 {
		add("delimiter %q must be one character, such as \";\" or \",\"", f.Delimiter)
	}
	t, ok := model.Lookup(f.Table)
	if !ok {
		add("unknown table %q; tables of system %s: %s", f.Table, sys, strings.Join(model.TableNames(sys), ", "))
		return errs
	}
	if t.System != sys {
		add("table %s belongs to system %s, not %s", f.Table, t.System, sys)
	}
	folded := map[string]string{}
	for header := range f.Columns {
		k := strings.ToLower(strings.TrimSpace(header))
		if other, dup := folded[k]; dup {
			a, b := sortPair(header, other)
			add("columns: %q and %q differ only in upper/lower case or spaces; headers are matched regardless of case, so keep one", a, b)
		}
		folded[k] = header
	}
	targets := map[string]string{}
	for header, c := range f.Columns {
		if _, ok := t.Column(c); !ok {
			add("columns: %q maps to %q, which is not a column of %s; columns are: %s", header, c, f.Table, strings.Join(t.ColumnNames(), ", "))
			continue
		}
		if other, dup := targets[c]; dup {
			a, b := sortPair(header, other)
			add("columns: both %q and %q map to %s; map one export column to each canonical column", a, b, c)
		}
		targets[c] = header
	}
	for c, labels := range f.Values {
		col, ok := t.Column(c)
		if !ok {
			add("values: %q is not a column of %s; value mappings are keyed by canonical column", c, f.Table)
			continue
		}
		for label, v := range labels {
			if msg := badTarget(col, v); msg != "" {
				add("values: %s: %q maps to %q, %s", c, label, v, msg)
			}
		}
	}
	sort.Slice(errs, func(i, j int) bool { return errs[i].Error() < errs[j].Error() })
	return errs
}

// badTarget says what is wrong with v as a value of col that an export
// label is mapped to, or "" if the loader can read it (a blank is read as
// no value).
func badTarget(col *model.Column, v string) string {
	if strings.TrimSpace(v) == "" {
		return ""
	}
	switch col.Type {
	case model.Enum:
		for _, allowed := range col.Values {
			if strings.EqualFold(allowed, strings.TrimSpace(v)) {
				return ""
			}
		}
		return "which is not one of " + strings.Join(col.Values, ", ")
	case model.Bool:
		if _, err := values.ParseBool(v); err != nil {
			return "which is not a yes/no value; use ja or nee"
		}
	}
	return ""
}

func sortPair(a, b string) (string, string) {
	if a > b {
		return b, a
	}
	return a, b
}
