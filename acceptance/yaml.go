package acceptance

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/avgaudit/avgaudit/values"
	"github.com/avgaudit/avgaudit/vocab"
)

// TopKey is the one top-level key of a register file.
const TopKey = "accepted_risks"

// keys are the keys of one entry in a register file, in documented order.
var keys = []string{"check", "record", "justification", "legal_basis", "approved_by", "approved_on", "expires_on"}

// required are the keys an entry must have, with what to write there.
var required = map[string]vocab.Text{
	"check":         {NL: "de id van de controle, zoals `avgaudit checks` die toont", EN: "the id of the check, as `avgaudit checks` lists it"},
	"justification": {NL: "waarom het risico is geaccepteerd", EN: "why the risk is accepted"},
	"approved_by":   {NL: "wie het goedkeurde: een rol of een naam", EN: "who approved it: a role or a name"},
	"approved_on":   {NL: "de datum van goedkeuring, bijvoorbeeld 2026-03-15", EN: "the date of approval, e.g. 2026-03-15"},
	"expires_on":    {NL: "de datum waarop de acceptatie afloopt, bijvoorbeeld 2027-03-15", EN: "the date the acceptance ends, e.g. 2027-03-15"},
}

// ReadFile reads and validates the register file at path on the OS
// filesystem; checks lists the known check ids.
func ReadFile(path string, checks map[string]bool) ([]Entry, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, vocab.Wrapf(err, "lees het register van geaccepteerde risico's", "read accepted-risk register")
	}
	return Parse(path, data, checks)
}

// Parse reads and validates a register file's contents; name is how
// messages and Entry.Source call the file. Every problem is reported, each
// with its line and entry number, in one *Error. A file with no entries (or
// only comments) is a register without entries.
func Parse(name string, data []byte, checks map[string]bool) ([]Entry, error) {
	var doc yaml.Node
	if err := yaml.NewDecoder(bytes.NewReader(data)).Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, nil
		}
		if line := unquotedPattern(data); line > 0 {
			return nil, &Error{Problems: []error{vocab.Errorf("%s:%d: geen geldige YAML: een waarde die met * of ? begint, moet tussen aanhalingstekens, bijvoorbeeld record: \"*\"",
				"%s:%d: not valid YAML: a value that starts with * or ? must be in quotes, e.g. record: \"*\"", name, line)}}
		}
		return nil, &Error{Problems: []error{vocab.Errorf("%s: geen geldige YAML: %w", "%s: not valid YAML: %w", name, err)}}
	}
	p := &yamlParser{name: name, checks: checks}
	entries := p.document(&doc)
	// In the order of the file, whatever order they were found in.
	sort.SliceStable(p.problems, func(i, j int) bool { return p.problems[i].line < p.problems[j].line })
	errs := make([]error, len(p.problems))
	for i, pr := range p.problems {
		errs[i] = pr.err
	}
	return entries, errorOf(errs)
}

// startsWithStar finds a key whose value starts with * or ?, unquoted.
var startsWithStar = regexp.MustCompile(`^\s*(?:-\s+)?[a-z_]+:\s+[*?]`)

// unquotedPattern returns the line (from 1) of the first value that starts
// with * or ? without quotes, or 0: YAML reads "record: *" as a reference
// to an anchor, and its own message ("did not find expected alphabetic or
// numeric character") does not tell the fix.
func unquotedPattern(data []byte) int {
	for i, line := range strings.Split(string(data), "\n") {
		if startsWithStar.MatchString(line) {
			return i + 1
		}
	}
	return 0
}

type yamlParser struct {
	name     string
	checks   map[string]bool
	problems []lineProblem
}

type lineProblem struct {
	line int
	err  error
}

// addf adds a problem on line, nl and en taking args.
func (p *yamlParser) addf(line int, nl, en string, args ...any) {
	err := vocab.Errorf("%s:%d: %s", "%s:%d: %s", p.name, line, vocab.Textf(nl, en, args...))
	p.problems = append(p.problems, lineProblem{line, err})
}

func (p *yamlParser) document(doc *yaml.Node) []Entry {
	root := doc
	if root.Kind == yaml.DocumentNode && len(root.Content) > 0 {
		root = root.Content[0]
	}
	if root.Kind != yaml.MappingNode {
		p.addf(root.Line, "het register moet beginnen met `%s:` en daarna een lijst van vermeldingen", "the register must start with `%s:` followed by a list of entries", TopKey)
		return nil
	}
	var list *yaml.Node
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		if k.Value != TopKey {
			p.addf(k.Line, "onbekende sleutel %q; het register heeft bovenaan één sleutel: %s", "unknown key %q; the register has one key at the top: %s", k.Value, TopKey)
			continue
		}
		list = v
	}
	if list == nil || list.Tag == "!!null" {
		return nil
	}
	if list.Kind != yaml.SequenceNode {
		p.addf(list.Line, "%s: moet een lijst van vermeldingen zijn, elk beginnend met `- check: ...`", "%s: must be a list of entries, each starting with `- check: ...`", TopKey)
		return nil
	}
	entries := make([]Entry, 0, len(list.Content))
	for i, n := range list.Content {
		if e, ok := p.entry(i+1, n); ok {
			entries = append(entries, e)
		}
	}
	return entries
}

// entry reads entry number num; ok is false when it has a problem.
func (p *yamlParser) entry(num int, n *yaml.Node) (Entry, bool) {
	before := len(p.problems)
	addf := func(line int, nl, en string, args ...any) {
		p.addf(line, "vermelding %d: %s", "entry %d: %s", num, vocab.Textf(nl, en, args...))
	}
	if n.Kind != yaml.MappingNode {
		addf(n.Line, "moet een reeks sleutels zijn (%s), niet %q", "must be a set of keys (%s), not %q", strings.Join(keys, ", "), n.Value)
		return Entry{}, false
	}
	text, lines := map[string]string{}, map[string]int{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		switch line, dup := lines[k.Value]; {
		case dup:
			addf(k.Line, "%s staat er twee keer (ook op regel %d); houd er één", "%s is given twice (also on line %d); keep one", k.Value, line)
		case !slices.Contains(keys, k.Value):
			addf(k.Line, "onbekende sleutel %q; de sleutels van een vermelding zijn %s", "unknown key %q; the keys of an entry are %s", k.Value, strings.Join(keys, ", "))
		case v.Kind != yaml.ScalarNode:
			addf(v.Line, "%s moet één waarde zijn, geen lijst of reeks sleutels", "%s must be a single value, not a list or a set of keys", k.Value)
		case v.Tag == "!!null":
			lines[k.Value] = v.Line
		default:
			text[k.Value], lines[k.Value] = strings.TrimSpace(v.Value), v.Line
		}
	}
	for _, key := range keys {
		if why, ok := required[key]; ok && text[key] == "" {
			line, given := lines[key]
			if !given {
				line = n.Line
			}
			addf(line, "%s ontbreekt: %s", "%s is missing: %s", key, why)
		}
	}
	e := Entry{
		Source:        fmt.Sprintf("%s:%d", p.name, n.Line),
		CheckID:       text["check"],
		RecordKey:     text["record"],
		Justification: text["justification"],
		LegalBasis:    text["legal_basis"],
		ApprovedBy:    text["approved_by"],
	}
	dates := []struct {
		key string
		d   *time.Time
	}{{"approved_on", &e.ApprovedOn}, {"expires_on", &e.ExpiresOn}}
	for _, x := range dates {
		var msg vocab.Text
		if *x.d, msg = parseDate(text[x.key]); msg != (vocab.Text{}) {
			addf(lines[x.key], "%s %s", "%s %s", x.key, msg)
		}
	}
	for _, pr := range e.validate(p.checks) {
		addf(lines[pr.key], "%s", "%s", pr.msg)
	}
	return e, len(p.problems) == before
}

// dateParts splits a date written as year-month-day or day-month-year into
// numbers, to suggest a correction for a day the month does not have.
var dateParts = regexp.MustCompile(`^(?:(\d{4})-(\d{1,2})-(\d{1,2})|(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}))$`)

// parseDate reads a register date: YYYY-MM-DD, or DD-MM-YYYY as Dutch
// registers often write it. msg says what is wrong, with the fix.
func parseDate(s string) (time.Time, vocab.Text) {
	if s == "" {
		return time.Time{}, vocab.Text{}
	}
	if d, err := values.ParseDate(s); err == nil {
		return d, vocab.Text{}
	}
	msg := vocab.Textf("%q is geen datum; schrijf hem als JJJJ-MM-DD, bijvoorbeeld 2027-03-15", "%q is not a date; write it as YYYY-MM-DD, e.g. 2027-03-15", s)
	m := dateParts.FindStringSubmatch(s)
	if m == nil {
		return time.Time{}, msg
	}
	y, mo, d := m[1], m[2], m[3]
	if y == "" {
		y, mo, d = m[6], m[5], m[4]
	}
	year, _ := strconv.Atoi(y)
	month, _ := strconv.Atoi(mo)
	day, _ := strconv.Atoi(d)
	if month < 1 || month > 12 || day < 1 {
		return time.Time{}, vocab.Textf("%q is geen datum: de maand moet 1 tot en met 12 zijn; schrijf hem als JJJJ-MM-DD, bijvoorbeeld 2027-03-15",
			"%q is not a date: the month must be 1 to 12; write it as YYYY-MM-DD, e.g. 2027-03-15", s)
	}
	last := time.Date(year, time.Month(month)+1, 0, 0, 0, 0, 0, time.UTC)
	if day > last.Day() {
		return time.Time{}, vocab.Textf("%q is geen datum; schrijf %s", "%q is not a date; write it as %s", s, last.Format(time.DateOnly))
	}
	return time.Time{}, msg
}
