// Command migratecodes moves the code labels of queries/codes.go (the map
// codeLabels of the time before a check's header held its codes) into the
// `-- codes:` blocks of the checks that return them, then deletes
// queries/codes.go. Run it from the repository root:
//
//	go run ./queries/internal/migratecodes
//
// A check gets a code of a column when its query holds the code as a string
// literal ('refused') and returns the column, or when its fixture's
// expected.tsv shows the code in that column. A code no check is found for
// goes to every check that returns the column (its values come from the
// data, as the consent types do). It is idempotent: without
// queries/codes.go it does nothing, codes already in a header are kept, and
// a label that differs from the header's stops it before anything is
// written. It uses only the standard library, so it runs even when a merge
// left the package queries unable to compile.
package main

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
)

func main() {
	dir := flag.String("dir", "queries", "the folder of the checks (.sql files and testdata/)")
	from := flag.String("from", "", "the Go file holding codeLabels (default <dir>/codes.go, which is deleted afterwards)")
	relabel := flag.Bool("relabel", false, "where a header labels a code differently from codes.go, take codes.go's label (after a branch changed a label there)")
	flag.Parse()
	relabelAll = *relabel
	if err := runMigration(*dir, *from, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "migratecodes:", err)
		os.Exit(1)
	}
}

// label is a code's Dutch and English words.
type label struct{ nl, en string }

// entry is one code of one column.
type entry struct {
	column, code string
	label        label
}

func runMigration(dir, from string, out io.Writer) error {
	remove := from == ""
	if remove {
		from = filepath.Join(dir, "codes.go")
	}
	if _, err := os.Stat(from); errors.Is(err, os.ErrNotExist) {
		fmt.Fprintf(out, "%s does not exist: nothing to migrate\n", from)
		return nil
	}
	entries, err := readGoLabels(from)
	if err != nil {
		return err
	}
	checks, err := readChecks(dir)
	if err != nil {
		return err
	}
	if relabelAll {
		for _, e := range entries {
			for _, c := range checks {
				for i, have := range c.codes {
					if have.column == e.column && have.code == e.code && have.label != e.label {
						fmt.Fprintf(out, "%s: %s %q relabelled %q | %q\n", c.path, e.column, e.code, e.label.nl, e.label.en)
						c.codes[i].label, c.changed = e.label, true
					}
				}
			}
		}
	}
	assigned, dropped := 0, 0
	for _, e := range entries {
		var to []*check
		for _, c := range checks {
			if c.returns(e.column) && c.emits(e.column, e.code) {
				to = append(to, c)
			}
		}
		if len(to) == 0 {
			var returning []*check
			for _, c := range checks {
				if c.returns(e.column) {
					returning = append(returning, c)
				}
			}
			if len(returning) != 1 {
				// Several checks return the column and none the code: a
				// label nothing uses any more, or one only the data gives.
				fmt.Fprintf(out, "NOT MIGRATED: %s %q (%s | %s): in no query or fixture of the %d checks that return %s; if a check returns it, add it to that check's header by hand\n",
					e.column, e.code, e.label.nl, e.label.en, len(returning), e.column)
				dropped++
				continue
			}
			to = returning
			fmt.Fprintf(out, "%s %q: in no query or fixture; given to %s, the one check that returns %s\n", e.column, e.code, returning[0].id, e.column)
		}
		for _, c := range to {
			if err := c.add(e); err != nil {
				return err
			}
		}
		assigned++
	}
	// A check that returns a column but none of its codes found in its
	// query or fixture takes its values from the data (the consent types
	// of consent_not_by_guardian): it gets all the column's codes.
	var columns []string
	for _, e := range entries {
		if !slices.Contains(columns, e.column) {
			columns = append(columns, e.column)
		}
	}
	for _, c := range checks {
		for _, col := range columns {
			if !c.returns(col) || slices.ContainsFunc(c.codes, func(h entry) bool { return h.column == col }) {
				continue
			}
			fmt.Fprintf(out, "%s returns %s but none of its codes is in its query or fixture: given all %s codes\n", c.id, col, col)
			for _, e := range entries {
				if e.column == col {
					if err := c.add(e); err != nil {
						return err
					}
				}
			}
		}
	}
	changed := 0
	for _, c := range checks {
		if !c.changed {
			continue
		}
		if err := writeAtomic(c.path, c.render()); err != nil {
			return err
		}
		changed++
	}
	if remove {
		if err := os.Remove(from); err != nil {
			return fmt.Errorf("remove %s: %w", from, err)
		}
	}
	fmt.Fprintf(out, "moved %d codes of %s into %d check headers", assigned, from, changed)
	if dropped > 0 {
		fmt.Fprintf(out, "; %d NOT MIGRATED (above)", dropped)
	}
	if remove {
		fmt.Fprintf(out, "; deleted %s", from)
	}
	fmt.Fprintln(out)
	return nil
}

// relabelAll lets codes.go's labels replace differing ones in headers.
var relabelAll bool

// known are the declarations of a codes.go the migration may delete: the
// map, its helpers (now in codelabels.go) and the maps it refers to.
var known = map[string]bool{"codeLabels": true, "consentTypeLabels": true, "codeSeparator": true,
	"CodeColumns": true, "CodeLabels": true, "IsCodeColumn": true, "CodeLabel": true, "builtinIDs": true, "init": true}

// readGoLabels reads the map codeLabels from the Go file path, in source
// order, resolving the package-level maps it names (consentTypeLabels).
func readGoLabels(path string) ([]entry, error) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, path, nil, 0)
	if err != nil {
		return nil, fmt.Errorf("parse %s: %w", path, err)
	}
	vars := map[string]ast.Expr{}
	var other []string
	for _, d := range f.Decls {
		switch d := d.(type) {
		case *ast.GenDecl:
			for _, s := range d.Specs {
				if vs, ok := s.(*ast.ValueSpec); ok {
					for i, n := range vs.Names {
						if i < len(vs.Values) {
							vars[n.Name] = vs.Values[i]
						}
						if !known[n.Name] {
							other = append(other, n.Name)
						}
					}
				}
			}
		case *ast.FuncDecl:
			if !known[d.Name.Name] {
				other = append(other, d.Name.Name)
			}
		}
	}
	top, ok := vars["codeLabels"].(*ast.CompositeLit)
	if !ok {
		return nil, fmt.Errorf("%s: no map codeLabels", path)
	}
	var entries []entry
	for _, elt := range top.Elts {
		kv, ok := elt.(*ast.KeyValueExpr)
		if !ok {
			return nil, fmt.Errorf("%s: unexpected %T in codeLabels", fset.Position(elt.Pos()), elt)
		}
		column, err := stringLit(fset, kv.Key)
		if err != nil {
			return nil, err
		}
		codes := kv.Value
		if id, ok := codes.(*ast.Ident); ok {
			codes = vars[id.Name]
			other = slices.DeleteFunc(other, func(s string) bool { return s == id.Name })
		}
		lit, ok := codes.(*ast.CompositeLit)
		if !ok {
			return nil, fmt.Errorf("%s: the codes of column %s are no map literal", fset.Position(kv.Value.Pos()), column)
		}
		for _, ce := range lit.Elts {
			ckv, ok := ce.(*ast.KeyValueExpr)
			if !ok {
				return nil, fmt.Errorf("%s: unexpected %T", fset.Position(ce.Pos()), ce)
			}
			code, err := stringLit(fset, ckv.Key)
			if err != nil {
				return nil, err
			}
			l, err := textLit(fset, ckv.Value)
			if err != nil {
				return nil, err
			}
			entries = append(entries, entry{column, code, l})
		}
	}
	if len(other) > 0 {
		sort.Strings(other)
		return nil, fmt.Errorf("%s also declares %s, which the migration would delete with the file; move them to another file of the package first", path, strings.Join(other, ", "))
	}
	return entries, nil
}

func stringLit(fset *token.FileSet, e ast.Expr) (string, error) {
	b, ok := e.(*ast.BasicLit)
	if !ok || b.Kind != token.STRING {
		return "", fmt.Errorf("%s: expected a string literal", fset.Position(e.Pos()))
	}
	return strconv.Unquote(b.Value)
}

// textLit reads results.Text{NL: "...", EN: "..."}.
func textLit(fset *token.FileSet, e ast.Expr) (label, error) {
	lit, ok := e.(*ast.CompositeLit)
	if !ok {
		return label{}, fmt.Errorf("%s: expected {NL: ..., EN: ...}", fset.Position(e.Pos()))
	}
	var l label
	for _, f := range lit.Elts {
		kv, ok := f.(*ast.KeyValueExpr)
		if !ok {
			return label{}, fmt.Errorf("%s: expected NL: and EN: fields", fset.Position(f.Pos()))
		}
		v, err := stringLit(fset, kv.Value)
		if err != nil {
			return label{}, err
		}
		switch fmt.Sprint(kv.Key) {
		case "NL":
			l.nl = v
		case "EN":
			l.en = v
		}
	}
	if strings.TrimSpace(l.nl) == "" || strings.TrimSpace(l.en) == "" {
		return label{}, fmt.Errorf("%s: a label lacks its Dutch or English text", fset.Position(e.Pos()))
	}
	return l, nil
}

// check is one .sql file: its header lines without the codes block, the
// codes block's entries, and its query.
type check struct {
	path, id string
	head     []string // header lines, without a codes block
	codesAt  int      // index in head where the codes block goes
	codes    []entry  // the codes block, in order
	rest     []string // the lines after the header
	sql      string
	expected map[string]map[string]bool // column -> codes in expected.tsv
	changed  bool
}

var (
	keyLine   = regexp.MustCompile(`^--\s*([a-z]+(?:\.[a-z]+)?)\s*:\s?(.*)$`)
	wordCache = map[string]*regexp.Regexp{}
)

func readChecks(dir string) ([]*check, error) {
	paths, err := filepath.Glob(filepath.Join(dir, "*.sql"))
	if err != nil {
		return nil, err
	}
	sort.Strings(paths)
	var checks []*check
	for _, p := range paths {
		c, err := readCheck(p, dir)
		if err != nil {
			return nil, err
		}
		checks = append(checks, c)
	}
	return checks, nil
}

func readCheck(path, dir string) (*check, error) {
	src, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	c := &check{path: path, id: strings.TrimSuffix(filepath.Base(path), ".sql"), codesAt: -1}
	lines := strings.Split(strings.ReplaceAll(string(src), "\r\n", "\n"), "\n")
	i, inCodes, column := 0, false, ""
	for ; i < len(lines); i++ {
		ln := lines[i]
		t := strings.TrimSpace(ln)
		if !strings.HasPrefix(t, "--") {
			break
		}
		if m := keyLine.FindStringSubmatch(t); m != nil && !strings.HasPrefix(ln, "--  ") {
			inCodes = m[1] == "codes"
			if inCodes {
				c.codesAt = len(c.head)
				continue
			}
		} else if inCodes {
			text := strings.TrimSpace(strings.TrimPrefix(t, "--"))
			name, value, _ := strings.Cut(text, ":")
			name, value = strings.TrimSpace(name), strings.TrimSpace(value)
			if value == "" {
				column = name
				continue
			}
			nl, en, _ := strings.Cut(value, "|")
			c.codes = append(c.codes, entry{column, name, label{strings.TrimSpace(nl), strings.TrimSpace(en)}})
			continue
		}
		c.head = append(c.head, ln)
	}
	c.rest = lines[i:]
	c.sql = strings.Join(c.rest, "\n")
	if c.codesAt < 0 {
		c.codesAt = len(c.head)
	}
	c.expected, err = readExpected(filepath.Join(dir, "testdata", c.id, "expected.tsv"))
	if err != nil {
		return nil, err
	}
	return c, nil
}

// readExpected reads the codes per column of a fixture's expected.tsv;
// none without one.
func readExpected(path string) (map[string]map[string]bool, error) {
	f, err := os.Open(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	var header []string
	values := map[string]map[string]bool{}
	for sc.Scan() {
		fields := strings.Split(sc.Text(), "\t")
		if header == nil {
			header = fields
			for _, h := range header {
				values[h] = map[string]bool{}
			}
			continue
		}
		for i, v := range fields {
			if i < len(header) {
				for _, code := range strings.Split(v, ",") {
					values[header[i]][strings.TrimSpace(code)] = true
				}
			}
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	return values, nil
}

func word(w string) *regexp.Regexp {
	re, ok := wordCache[w]
	if !ok {
		re = regexp.MustCompile(`\b` + regexp.QuoteMeta(w) + `\b`)
		wordCache[w] = re
	}
	return re
}

// returns reports whether the check returns column: its fixture asserts
// it, or the word is in its query's final select list (from the last
// SELECT to the FROM after it).
func (c *check) returns(column string) bool {
	if _, ok := c.expected[column]; ok {
		return true
	}
	selects := regexp.MustCompile(`\bSELECT\b`).FindAllStringIndex(c.sql, -1)
	if len(selects) == 0 {
		return false
	}
	list := c.sql[selects[len(selects)-1][0]:]
	if from := regexp.MustCompile(`\bFROM\b`).FindStringIndex(list); from != nil {
		list = list[:from[0]]
	}
	return word(column).MatchString(sqlString.ReplaceAllString(list, "''"))
}

// sqlString is a SQL string literal ('it”s').
var sqlString = regexp.MustCompile(`'(?:[^']|'')*'`)

// emits reports whether the check returns code in column: a string literal
// of its query, or a value in its fixture's column.
func (c *check) emits(column, code string) bool {
	return strings.Contains(c.sql, "'"+strings.ReplaceAll(code, "'", "''")+"'") || c.expected[column][code]
}

// add declares e in the check's codes block, unless it is there already.
func (c *check) add(e entry) error {
	for _, have := range c.codes {
		if have.column == e.column && have.code == e.code {
			if have.label != e.label {
				return fmt.Errorf("%s: code %q of column %s is labelled %q | %q there, %q | %q in codes.go; make them agree by hand, or run again with -relabel to take codes.go's",
					c.path, e.code, e.column, have.label.nl, have.label.en, e.label.nl, e.label.en)
			}
			return nil
		}
	}
	c.codes = append(c.codes, e)
	c.changed = true
	return nil
}

// render writes the check back with its codes block at the end of the
// header (or where it was), codes grouped by column in order of first
// appearance.
func (c *check) render() []byte {
	var block []string
	if len(c.codes) > 0 {
		block = append(block, "-- codes:")
		var columns []string
		for _, e := range c.codes {
			if !slices.Contains(columns, e.column) {
				columns = append(columns, e.column)
			}
		}
		for _, col := range columns {
			block = append(block, "--   "+col+":")
			for _, e := range c.codes {
				if e.column == col {
					block = append(block, fmt.Sprintf("--     %s: %s | %s", e.code, e.label.nl, e.label.en))
				}
			}
		}
	}
	var lines []string
	lines = append(lines, c.head[:c.codesAt]...)
	lines = append(lines, block...)
	lines = append(lines, c.head[c.codesAt:]...)
	lines = append(lines, c.rest...)
	return []byte(strings.Join(lines, "\n"))
}

// writeAtomic replaces path with data by way of a temporary file.
func writeAtomic(path string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".migratecodes-*")
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}
