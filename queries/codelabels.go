package queries

import (
	"fmt"
	"maps"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/avgaudit/avgaudit/results"
)

// Some of the built-in checks' own columns hold codes rather than data: the
// kind of problem (refused, expired, ...), the missing fields of a register
// entry, the system an end date comes from. Programs filter on the codes, so
// the JSON results keep them; the HTML and Excel reports show a privacy
// officer the words of the code's label instead (CodeLabel).
//
// A check declares the codes it returns, with their labels, in its header:
//
//	-- codes:
//	--   problem:
//	--     active_after_leaving: account actief na uitdiensttreding | account active after leaving
//	--     login_after_leaving: ingelogd na uitdiensttreding | logged in after leaving
//
// A column is a code column by its name, whichever built-in check returns
// it, and within one column a code means one thing in every check (none is
// "no consent recorded" for a portal photo and for a post on social media
// alike): loading the catalogue fails when two checks label one code of one
// column differently, and TestCheckFixtures and TestSampleCodesLabelled fail
// for a code a check returns without a label.

// Code is the label of one code in one column, as a check's header declares
// it.
type Code struct {
	Column string
	Code   string
	Label  results.Text
	Line   int // the header line that declares it
}

// codeLine is one line of a header's codes block: its line number, its
// indentation after `--` and its text.
type codeLine struct {
	line, indent int
	text         string
}

// parseCodes reads the lines of a codes block that starts on line start:
// column lines `<column>:` and, indented deeper under each, code lines
// `<code>: <Dutch label> | <English label>`.
func parseCodes(file string, start int, lines []codeLine) ([]Code, error) {
	if len(lines) == 0 {
		return nil, headerErr(file, start, "codes: er volgen geen codekolommen; schrijf een regel `--   <kolom>:` per codekolom en daaronder `--     <code>: <Nederlands label> | <Engels label>` per code, of laat `-- codes:` weg", "codes: no code columns follow; write a line `--   <column>:` per code column and under it `--     <code>: <Dutch label> | <English label>` per code, or leave out `-- codes:`")
	}
	var codes []Code
	column, columnIndent := "", lines[0].indent
	seen := map[[2]string]int{}
	for _, l := range lines {
		name, label, found := strings.Cut(l.text, ":")
		name, label = strings.TrimSpace(name), strings.TrimSpace(label)
		if l.indent <= columnIndent {
			if !found || label != "" || !idPattern.MatchString(name) {
				return nil, headerErr(file, l.line, "codes: %q: verwacht een codekolom `<kolom>:` (kleine letters, cijfers en _), met de codes op de regels eronder, verder ingesprongen", "codes: %q: expected a code column `<column>:` (lower-case letters, digits and _), with its codes on the lines below, indented further", l.text)
			}
			column, columnIndent = name, l.indent
			continue
		}
		if column == "" {
			return nil, headerErr(file, l.line, "codes: %q staat voor elke kolom; begin met een regel `--   <kolom>:`", "codes: %q comes before any column; start with a line `--   <column>:`", l.text)
		}
		if !found || name == "" {
			return nil, headerErr(file, l.line, "codes: %q: verwacht `<code>: <Nederlands label> | <Engels label>`", "codes: %q: expected `<code>: <Dutch label> | <English label>`", l.text)
		}
		if strings.Contains(name, ",") {
			return nil, headerErr(file, l.line, "codes: code %q bevat een komma, die de codes van een lijst scheidt; kies een andere code", "codes: code %q holds a comma, which separates the codes of a list; choose another code", name)
		}
		nl, en, two := strings.Cut(label, "|")
		nl, en = strings.TrimSpace(nl), strings.TrimSpace(en)
		if !two || nl == "" || en == "" || strings.Contains(en, "|") {
			return nil, headerErr(file, l.line, "codes: code %q van kolom %s heeft een Nederlands en een Engels label nodig: `%s: <Nederlands label> | <Engels label>`", "codes: code %q of column %s needs a Dutch and an English label: `%s: <Dutch label> | <English label>`", name, column, name)
		}
		key := [2]string{column, name}
		if first, dup := seen[key]; dup {
			return nil, headerErr(file, l.line, "codes: code %q van kolom %s staat er twee keer (eerst op regel %d)", "codes: code %q of column %s is declared twice (first on line %d)", name, column, first)
		}
		seen[key] = l.line
		codes = append(codes, Code{Column: column, Code: name, Label: results.Text{NL: nl, EN: en}, Line: l.line})
	}
	return codes, nil
}

// declared is one code's label and where it was first declared.
type declared struct {
	label results.Text
	where string // file:line
}

// codeIndex gathers the codes checks declare, per column, and fails when
// one code of one column is labelled differently in two places.
func codeIndex(checks []Check) (map[string]map[string]declared, error) {
	index := map[string]map[string]declared{}
	var errs []string
	add := func(column, code string, label results.Text, where string) {
		if index[column] == nil {
			index[column] = map[string]declared{}
		}
		if d, ok := index[column][code]; ok {
			if d.label != label {
				errs = append(errs, fmt.Sprintf("%s: code %q of column %s is labelled %q | %q here but %q | %q in %s; a code means one thing in every check that returns the column: give both the same labels, or use another code",
					where, code, column, label.NL, label.EN, d.label.NL, d.label.EN, d.where))
			}
			return
		}
		index[column][code] = declared{label, where}
	}
	for _, c := range checks {
		for _, code := range c.Codes {
			add(code.Column, code.Code, code.Label, fmt.Sprintf("%s:%d", c.File, code.Line))
		}
	}
	for _, column := range slices.Sorted(maps.Keys(legacyCodeLabels)) {
		for _, code := range slices.Sorted(maps.Keys(legacyCodeLabels[column])) {
			add(column, code, legacyCodeLabels[column][code], "queries/codes.go")
		}
	}
	if len(errs) > 0 {
		sort.Strings(errs)
		return nil, fmt.Errorf("%s", strings.Join(errs, "\n  "))
	}
	return index, nil
}

// legacyCodeLabels holds labels still in a queries/codes.go of the time
// before the headers held them (as a merge may bring back); the migration,
// `go run ./queries/internal/migratecodes`, moves them into the headers and
// deletes that file. Nil once migrated.
var legacyCodeLabels map[string]map[string]results.Text

// builtinCodes is the code index of the built-in checks; empty if they
// cannot be parsed (a test fails then).
var builtinCodes = sync.OnceValue(func() map[string]map[string]declared {
	checks, err := Builtin()
	if err != nil {
		return nil
	}
	index, _ := codeIndex(checks)
	return index
})

// codeSeparator joins several codes in one value ("facts, effects").
const codeSeparator = ", "

// CodeColumns lists the columns whose values are codes, sorted.
func CodeColumns() []string {
	return slices.Sorted(maps.Keys(builtinCodes()))
}

// CodeLabels returns the labels of the codes of column, nil for a column
// that holds no codes.
func CodeLabels(column string) map[string]results.Text {
	codes, ok := builtinCodes()[column]
	if !ok {
		return nil
	}
	labels := make(map[string]results.Text, len(codes))
	for code, d := range codes {
		labels[code] = d.label
	}
	return labels
}

// IsCodeColumn reports whether the values of a column named column are
// codes.
func IsCodeColumn(column string) bool {
	_, ok := builtinCodes()[column]
	return ok
}

// CodeLabel is the label of value in column of the built-in check checkID:
// the code's words in both languages, or of a list of codes ("facts,
// effects") each code's words, joined the same way. It returns false for a
// column that holds no codes, an empty value, a code without a label, and
// for the checks of a user (their codes may mean something else): such a
// value is shown as it is.
func CodeLabel(checkID, column, value string) (results.Text, bool) {
	codes, ok := builtinCodes()[column]
	if !ok || strings.TrimSpace(value) == "" || !builtinIDs()[checkID] {
		return results.Text{}, false
	}
	var nl, en []string
	for _, code := range strings.Split(value, ",") {
		d, ok := codes[strings.TrimSpace(code)]
		if !ok {
			return results.Text{}, false
		}
		nl, en = append(nl, d.label.NL), append(en, d.label.EN)
	}
	return results.Text{NL: strings.Join(nl, codeSeparator), EN: strings.Join(en, codeSeparator)}, true
}

// builtinIDs holds the ids of the built-in checks; none if they cannot be
// parsed (a test fails then).
var builtinIDs = sync.OnceValue(func() map[string]bool {
	checks, _ := Builtin()
	ids := make(map[string]bool, len(checks))
	for _, c := range checks {
		ids[c.ID] = true
	}
	return ids
})
