// Package queries holds avgaudit's checks: one .sql file per check, embedded
// in the binary, each starting with a metadata header. Adding a check means
// adding one .sql file and one fixture folder under testdata/; no Go code.
// LoadDir reads a user's own checks in the same format (avgaudit --checks).
//
// The header is a block of `-- key: value` comment lines; a line `--   text`
// (indented) continues the previous value. Keys:
//
//	id, title.nl, title.en, severity (high|medium|low|info), area, source,
//	requires (tables that must be supplied for the check to run, comma
//	separated; `a | b` means at least one of a and b),
//	why.nl, why.en, fix.nl, fix.en,
//	impact (1–5: how badly the children, parents or staff concerned are
//	harmed if the risk materialises), impact.why.nl and impact.why.en (one
//	line that justifies it, in Dutch and English), population (the canonical table whose rows the check judges; its
//	row count is the base of the risk's likelihood; none when a finding is
//	about something being there at all), likelihood (1–5, only with
//	population none: the likelihood when the check has open findings,
//	default 5) and likelihood.why.nl and likelihood.why.en (one line that
//	justifies it, in Dutch and English),
//	and optionally columns.nl, columns.en (comma-separated headings for the
//	query's own columns, in order), reads (the canonical columns the
//	query reads: `table(column, column?, column~), ...`; see ColumnRead)
//	and codes (a block of the codes the query returns and their labels,
//	see codelabels.go)
//
// impact, impact.why.nl/en, population and reads are required of the built-in checks (a
// test enforces it) and optional in a user's own: without impact a check
// counts as impact 3, without population its population is 0.
//
// The query reads the reference date with getvariable('as_of') and policy
// settings with getvariable('<name>'), and returns one row per finding with
// at least the columns table_name, record_key, _file, _row, message_nl and
// message_en. Two optional columns are reserved: location and group_name
// place the finding (the childcare location and group of the child it is
// about) and are not shown among its values, so need no heading. Any
// further columns are shown with the finding.
//
// Some own columns hold codes (CodeColumns: problem, category, missing,
// ...), by their name in every built-in check. The JSON keeps a code; the
// HTML and Excel reports show its label from the header's codes block
// (CodeLabel), and a test requires a label in both languages for every
// code a check returns on its fixture or in the sample audit.
package queries

import (
	"embed"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/avgaudit/avgaudit/model"
	"github.com/avgaudit/avgaudit/results"

	"github.com/avgaudit/avgaudit/vocab"
)

//go:embed *.sql
var builtin embed.FS

// Check is one parsed check.
type Check struct {
	ID       string
	Title    results.Text
	Severity string
	Area     string
	Source   string
	Requires [][]string // each group needs at least one supplied table
	Reads    []string   // canonical tables the query mentions, sorted
	Why      results.Text
	Fix      results.Text
	// Impact is how badly the people concerned are harmed if the risk
	// materialises, 1–5; 0 when the header gives none (a user check).
	Impact int
	// ImpactWhy justifies Impact in one line, for reviewers.
	ImpactWhy results.Text
	// Likelihood is the fixed likelihood (1–5) of a check with population
	// none when it has open findings; 0 when the header gives none (it is
	// then the highest, 5).
	Likelihood int
	// LikelihoodWhy justifies Likelihood in one line, for reviewers.
	LikelihoodWhy results.Text
	// Population is the canonical table whose rows the check judges; ""
	// when the header names none.
	Population string
	// PopulationSubject is the column of Population that names the data
	// subject (child, parent, employee) of a row, written
	// `population: table(column)`: the likelihood is then the share of
	// data subjects with an open finding, and the query returns each
	// finding's subject in the reserved column data_subject. "" when every row
	// is its own subject (the share of rows).
	PopulationSubject string
	// ColumnLabels head the query's own columns in reports; nil when the
	// header gives none (the column names are shown then).
	ColumnLabels []results.Text
	// ColumnReads are the canonical columns the query reads, from the
	// reads header (see reads.go); nil when the header gives none (a user
	// check written without it).
	ColumnReads []ColumnRead
	// Codes are the labels of the codes the check returns in its code
	// columns (the header's codes block), in header order; nil without one.
	Codes []Code
	// CodesLine is the line of the header's `-- codes:`, 0 without one.
	CodesLine int
	SQL       string
	File      string // the .sql file it was read from
	SQLLine   int    // line of the first SQL line in File

	// Err is set for a user check whose file could not be parsed; such a
	// check is reported as failed with this error and never run.
	Err error
}

// Columns every check's result must have, in addition to its own.
const (
	ColTable     = "table_name"
	ColRecordKey = "record_key"
	ColMessageNL = "message_nl"
	ColMessageEN = "message_en"
)

// Reserved optional columns: when a query returns them they place the
// finding (location, group_name), name its data subject (data_subject, for a
// population with a subject column) or mark a row as not judged
// (not_judged), and are not among its values.
const (
	ColLocation = "location"
	ColGroup    = "group_name"
	ColSubject  = "data_subject"
	// ColNotJudged marks a row that is not a finding but records the check
	// could not judge: its value is how many (a number > 0, or true for
	// one), its message says why and what to export to judge them. NULL,
	// 0 or false: the row is a finding. The audit moves such rows out of
	// the findings into the check's not-judged count and warnings.
	ColNotJudged = "not_judged"
)

// ReservedColumns lists the optional columns that place a finding, name
// its data subject or mark a row as not judged.
var ReservedColumns = []string{ColLocation, ColGroup, ColSubject, ColNotJudged}

// DefaultImpact is the impact of a check whose header gives none.
const DefaultImpact = 3

// RequiredColumns lists the columns every check must return.
var RequiredColumns = []string{ColTable, ColRecordKey, model.FileColumn, model.RowColumn, ColMessageNL, ColMessageEN}

// Builtin parses the embedded checks, sorted by id.
//
// The embedded files never change, so they are parsed once; every call gets
// its own copy of the slice (the checks' slices are shared and read-only).
func Builtin() ([]Check, error) {
	parsed, err := builtinOnce()
	if err != nil {
		return nil, err
	}
	return append([]Check(nil), parsed...), nil
}

var builtinOnce = sync.OnceValues(func() ([]Check, error) { return LoadFS(builtin, ".") })

// NoPopulation as a check's population says its findings are about
// something being there at all (a column holding BSNs), not a share of
// records: an open finding then counts as likelihood 5, or as the check's
// fixed likelihood header.
const NoPopulation = "none"

// Areas are the area codes of the built-in catalogue, one per part of the
// privacy policy. User checks may add their own.
// Their names are in package vocab.
var Areas = vocab.Areas.Codes()

// LoadFS parses every .sql file in dir of fsys, sorted by id. All header
// errors are returned together, each naming its file and line.
func LoadFS(fsys fs.FS, dir string) ([]Check, error) {
	files, err := readSQLFiles(fsys, dir)
	if err != nil {
		return nil, err
	}
	var checks []Check
	var errs []string
	for _, f := range files {
		c, err := Parse(f.name, f.src)
		if err != nil {
			errs = append(errs, err.Error())
			continue
		}
		checks = append(checks, c)
	}
	if _, err := codeIndex(checks); err != nil {
		errs = append(errs, err.Error())
	}
	if len(errs) > 0 {
		return nil, fmt.Errorf("invalid checks:\n  %s", strings.Join(errs, "\n  "))
	}
	sortByID(checks)
	return checks, nil
}

// LoadDir parses the user's own checks: every .sql file in the directory
// dir, sorted by id. A file that cannot be parsed does not stop the others:
// it becomes a Check with Err set (its id taken from the file name), which
// the audit reports as failed with the file and line of the mistake.
func LoadDir(dir string) ([]Check, error) {
	files, err := readSQLFiles(os.DirFS(dir), ".")
	if err != nil {
		return nil, err
	}
	if len(files) == 0 {
		return nil, vocab.Errorf("lees de controles: %s bevat geen .sql-bestanden", "read checks: %s holds no .sql files", dir)
	}
	checks := make([]Check, 0, len(files))
	seen := map[string]int{}
	for _, f := range files {
		name := filepath.Join(dir, f.name)
		c, err := Parse(name, f.src)
		if err != nil {
			c = brokenCheck(name, f.src, err)
		}
		// Only a broken check's id, made from its file name, can repeat
		// ("Mijn check.sql" next to mijn_check.sql): keep ids unique.
		if seen[c.ID]++; seen[c.ID] > 1 {
			c.ID = fmt.Sprintf("%s_%d", c.ID, seen[c.ID])
		}
		checks = append(checks, c)
	}
	sortByID(checks)
	return checks, nil
}

// brokenCheck stands for a user check whose file could not be parsed. It
// keeps the header's area, if any, so --only and --skip by area still see it.
func brokenCheck(file, src string, err error) Check {
	base := strings.TrimSuffix(filepath.Base(file), ".sql")
	id := strings.Trim(nonIDChars.ReplaceAllString(strings.ToLower(base), "_"), "_")
	if id == "" {
		id = "check"
	}
	return Check{
		ID:       id,
		Title:    results.Text{NL: "Eigen controle " + filepath.Base(file), EN: "Own check " + filepath.Base(file)},
		Severity: "info",
		Why:      results.Text{NL: "Deze eigen controle kon niet worden gelezen en is niet uitgevoerd.", EN: "This check of your own could not be read and did not run."},
		Fix:      results.Text{NL: "Herstel de fout in " + file + " op de regel die de reden noemt (zie docs/checks.md).", EN: "Fix the mistake in " + file + " on the line the reason names (see docs/checks.md)."},
		Area:     headerArea(src),
		File:     file,
		Err:      err,
	}
}

// headerArea is the value of the first `-- area:` line of src, or "".
func headerArea(src string) string {
	for _, ln := range strings.Split(src, "\n") {
		if m := headerLine.FindStringSubmatch(strings.TrimSpace(ln)); m != nil && m[1] == "area" {
			return strings.TrimSpace(m[2])
		}
	}
	return ""
}

// Merge adds the user's checks to the built-in ones, sorted by id. A user
// check may not reuse a built-in check's id: the error names both files.
func Merge(builtin, user []Check) ([]Check, error) {
	own := map[string]string{}
	for _, c := range builtin {
		own[c.ID] = c.File
	}
	var errs []vocab.Text
	for _, c := range user {
		if file, clash := own[c.ID]; clash {
			errs = append(errs, vocab.Textf("%s: id %q is al in gebruik bij de ingebouwde controle %s (queries/%s); geef je controle een andere id en bestandsnaam",
				"%s: id %q is already used by the built-in check %s (queries/%s); give your check another id and file name", c.File, c.ID, c.ID, file))
		}
	}
	if len(errs) > 0 {
		return nil, vocab.Errorf("%s", "%s", vocab.JoinTexts(errs, vocab.Same("\n")))
	}
	all := append(append(make([]Check, 0, len(builtin)+len(user)), builtin...), user...)
	sortByID(all)
	return all, nil
}

type sqlFile struct{ name, src string }

// readSQLFiles reads the .sql files directly in dir of fsys, by name.
func readSQLFiles(fsys fs.FS, dir string) ([]sqlFile, error) {
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		return nil, vocab.Wrapf(err, "lees de controles", "read checks")
	}
	var files []sqlFile
	for _, e := range entries {
		if e.IsDir() || path.Ext(e.Name()) != ".sql" {
			continue
		}
		src, err := fs.ReadFile(fsys, path.Join(dir, e.Name()))
		if err != nil {
			return nil, vocab.Wrapf(err, "lees controle %s", "read check %s", e.Name())
		}
		files = append(files, sqlFile{e.Name(), string(src)})
	}
	return files, nil
}

func sortByID(checks []Check) {
	sort.Slice(checks, func(i, j int) bool { return checks[i].ID < checks[j].ID })
}

var (
	idPattern         = regexp.MustCompile(`^[a-z][a-z0-9_]*$`)
	populationSubject = regexp.MustCompile(`^([a-z_][a-z0-9_]*)\s*\(\s*([a-z_][a-z0-9_]*)\s*\)$`)
	nonIDChars        = regexp.MustCompile(`[^a-z0-9_]+`)
	headerLine        = regexp.MustCompile(`^--\s*([a-z]+(?:\.[a-z]+){0,2})\s*:\s?(.*)$`)
	severities        = map[string]bool{"high": true, "medium": true, "low": true, "info": true}
	knownKeys         = []string{"id", "title.nl", "title.en", "severity", "area", "source", "requires", "why.nl", "why.en", "fix.nl", "fix.en"}
	optionalKeys      = []string{"impact", "impact.why.nl", "impact.why.en", "likelihood", "likelihood.why.nl", "likelihood.why.en", "population", "columns.nl", "columns.en", "reads", "codes"}
	allKeys           = append(append([]string{}, knownKeys...), optionalKeys...)

	// tableWords finds a canonical table's name as a word in a query.
	tableWords = func() map[string]*regexp.Regexp {
		m := map[string]*regexp.Regexp{}
		for _, t := range model.TableNames("") {
			m[t] = regexp.MustCompile(`\b` + t + `\b`)
		}
		return m
	}()
)

// HeaderError is a problem in a check's header, with its file and line.
type HeaderError struct {
	File string
	Line int
	Msg  string // in English
	NL   string // in Dutch
}

func (e *HeaderError) Error() string { return e.In("en") }

// In is the message in lang.
func (e *HeaderError) In(lang string) string {
	msg := e.NL
	if lang == "en" || msg == "" {
		msg = e.Msg
	}
	return fmt.Sprintf("%s:%d: %s", e.File, e.Line, msg)
}

// headerErr is a HeaderError on line of file, nl and en taking args.
func headerErr(file string, line int, nl, en string, args ...any) *HeaderError {
	t := vocab.Textf(nl, en, args...)
	return &HeaderError{File: file, Line: line, Msg: t.EN, NL: t.NL}
}

// Parse reads one check from its source; file names it in errors.
func Parse(file, src string) (Check, error) {
	c := Check{File: file}
	fields := map[string]string{}
	fieldLine := map[string]int{}
	lines := strings.Split(strings.ReplaceAll(src, "\r\n", "\n"), "\n")
	last := ""
	var codeLines []codeLine // the lines of the codes block, unjoined
	i := 0
	for ; i < len(lines); i++ {
		ln := lines[i]
		trimmed := strings.TrimSpace(ln)
		if trimmed == "" && len(fields) == 0 {
			continue
		}
		if !strings.HasPrefix(trimmed, "--") {
			break
		}
		if m := headerLine.FindStringSubmatch(trimmed); m != nil && !strings.HasPrefix(ln, "--  ") {
			key := m[1]
			if oneLanguage[key] {
				return c, headerErr(file, i+1, "%s is tweetalig: schrijf %s.nl: met de Nederlandse en %s.en: met de Engelse tekst", "%s is bilingual: write %s.nl: with the Dutch and %s.en: with the English text", key, key, key)
			}
			if !isKnown(key) {
				return c, headerErr(file, i+1, "onbekende sleutel %q in de kop; toegestaan: %s", "unknown header key %q; allowed: %s", key, strings.Join(allKeys, ", "))
			}
			if _, dup := fields[key]; dup {
				return c, headerErr(file, i+1, "sleutel %q staat twee keer in de kop (eerst op regel %d)", "header key %q given twice (first on line %d)", key, fieldLine[key])
			}
			fields[key] = strings.TrimSpace(m[2])
			fieldLine[key] = i + 1
			last = key
			if key == "codes" && fields[key] != "" {
				return c, headerErr(file, i+1, "schrijf `-- codes:` alleen op zijn regel, dan een regel `--   <kolom>:` per codekolom en daaronder een regel `--     <code>: <Nederlands label> | <Engels label>` per code", "write `-- codes:` alone on its line, then a line `--   <column>:` per code column and under it a line `--     <code>: <Dutch label> | <English label>` per code")
			}
			continue
		}
		text := strings.TrimSpace(strings.TrimPrefix(trimmed, "--"))
		if text == "" {
			continue
		}
		if last == "" {
			return c, headerErr(file, i+1, "verwacht een kopregel `-- sleutel: waarde`", "expected a header line `-- key: value`")
		}
		if last == "codes" {
			body := strings.TrimPrefix(trimmed, "--")
			codeLines = append(codeLines, codeLine{i + 1, len(body) - len(strings.TrimLeft(body, " \t")), text})
			continue
		}
		fields[last] = strings.TrimSpace(fields[last] + " " + text)
	}
	for i < len(lines) && strings.TrimSpace(lines[i]) == "" {
		i++
	}
	c.SQL = strings.TrimSpace(strings.Join(lines[i:], "\n"))
	c.SQLLine = i + 1
	for _, key := range knownKeys {
		if fields[key] == "" {
			return c, headerErr(file, 1, "sleutel %q ontbreekt in de kop of is leeg; elke controle heeft nodig: %s", "header key %q is missing or empty; every check needs: %s", key, strings.Join(knownKeys, ", "))
		}
	}
	c.ID = fields["id"]
	if !idPattern.MatchString(c.ID) {
		return c, headerErr(file, fieldLine["id"], "id %q: gebruik kleine letters, cijfers en _", "id %q: use lower-case letters, digits and _", c.ID)
	}
	if want := strings.TrimSuffix(filepath.Base(file), ".sql"); want != c.ID {
		return c, headerErr(file, fieldLine["id"], "id %q verschilt van de bestandsnaam; noem het bestand %s.sql", "id %q differs from the file name; name the file %s.sql", c.ID, c.ID)
	}
	c.Severity = fields["severity"]
	if !severities[c.Severity] {
		return c, headerErr(file, fieldLine["severity"], "severity %q: verwacht een van high, medium, low, info", "severity %q: expected one of high, medium, low, info", c.Severity)
	}
	c.Title = results.Text{NL: fields["title.nl"], EN: fields["title.en"]}
	c.Why = results.Text{NL: fields["why.nl"], EN: fields["why.en"]}
	c.Fix = results.Text{NL: fields["fix.nl"], EN: fields["fix.en"]}
	c.Area = fields["area"]
	c.Source = fields["source"]
	for _, group := range strings.Split(fields["requires"], ",") {
		var alts []string
		for _, t := range strings.Split(group, "|") {
			t = strings.TrimSpace(t)
			if _, ok := model.Lookup(t); !ok {
				return c, headerErr(file, fieldLine["requires"], "requires: %q is geen tabel van het model; tabellen: %s", "requires: %q is not a canonical table; tables: %s", t, strings.Join(model.TableNames(""), ", "))
			}
			alts = append(alts, t)
		}
		c.Requires = append(c.Requires, alts)
	}
	if err := parseRisk(&c, fields, fieldLine); err != nil {
		return c, err
	}
	nl, en := splitList(fields["columns.nl"]), splitList(fields["columns.en"])
	if len(nl) != len(en) {
		return c, headerErr(file, max(fieldLine["columns.nl"], fieldLine["columns.en"]), "columns.nl heeft %d kopjes en columns.en %d; geef ze allebei, één per kolom van de query na message_en", "columns.nl has %d headings and columns.en %d; give both, one per column of the query after message_en", len(nl), len(en))
	}
	for i := range nl {
		c.ColumnLabels = append(c.ColumnLabels, results.Text{NL: nl[i], EN: en[i]})
	}
	if _, ok := fields["codes"]; ok {
		c.CodesLine = fieldLine["codes"]
		codes, err := parseCodes(file, c.CodesLine, codeLines)
		if err != nil {
			return c, err
		}
		c.Codes = codes
	}
	if c.SQL == "" {
		return c, headerErr(file, c.SQLLine, "de controle heeft een kop maar geen SQL-query", "the check has a header but no SQL query")
	}
	reads := map[string]bool{}
	code := sqlCode(c.SQL) // a table named in a comment or text is not read
	for _, t := range model.TableNames("") {
		reads[t] = tableWords[t].MatchString(code)
	}
	for re, tables := range macroReads {
		if re.MatchString(c.SQL) {
			for _, t := range tables {
				reads[t] = true
			}
		}
	}
	for _, t := range model.TableNames("") {
		if reads[t] {
			c.Reads = append(c.Reads, t)
		}
	}
	if v, ok := fields["reads"]; ok {
		if err := parseReads(&c, v, fieldLine["reads"]); err != nil {
			return c, err
		}
	}
	return c, nil
}

// oneLanguage are header keys of earlier versions that now need .nl and .en.
var oneLanguage = map[string]bool{"impact.why": true, "likelihood.why": true}

// parseRisk reads the optional impact, impact.why.nl/en, likelihood,
// likelihood.why.nl/en and population keys. A reason given in one language
// only is an error on its line.
func parseRisk(c *Check, fields map[string]string, fieldLine map[string]int) error {
	if v, ok := fields["impact"]; ok {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > 5 {
			return headerErr(c.File, fieldLine["impact"], "impact %q: verwacht een geheel getal van 1 (weinig schade) tot en met 5 (ernstige schade)", "impact %q: expected a whole number from 1 (little harm) to 5 (severe harm)", v)
		}
		c.Impact = n
	}
	for _, key := range []string{"impact.why", "likelihood.why"} {
		nl, hasNL := fields[key+".nl"]
		en, hasEN := fields[key+".en"]
		if hasNL != hasEN || (hasNL && (nl == "") != (en == "")) {
			have, miss := key+".nl", key+".en"
			if hasEN && (!hasNL || nl == "") {
				have, miss = miss, have
			}
			return headerErr(c.File, fieldLine[have], "%s staat in de kop maar %s ontbreekt of is leeg; geef de reden in beide talen", "%s is in the header but %s is missing or empty; give the reason in both languages", have, miss)
		}
	}
	c.ImpactWhy = results.Text{NL: fields["impact.why.nl"], EN: fields["impact.why.en"]}
	if v, ok := fields["likelihood"]; ok {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > 5 {
			return headerErr(c.File, fieldLine["likelihood"], "likelihood %q: verwacht een geheel getal van 1 (zelden) tot en met 5 (bijna zeker)", "likelihood %q: expected a whole number from 1 (rare) to 5 (almost certain)", v)
		}
		if fields["population"] != NoPopulation {
			return headerErr(c.File, fieldLine["likelihood"], "likelihood: alleen een controle met population none heeft een vaste kans; met een population is het het deel van de geraakte records of mensen", "likelihood: only a check with population none has a fixed likelihood; with a population it is the share of affected records or people")
		}
		c.Likelihood = n
		c.LikelihoodWhy = results.Text{NL: fields["likelihood.why.nl"], EN: fields["likelihood.why.en"]}
	}
	if t, ok := fields["population"]; ok {
		if m := populationSubject.FindStringSubmatch(t); m != nil {
			t, c.PopulationSubject = m[1], m[2]
			if tbl, known := model.Lookup(t); known {
				if _, has := tbl.Column(c.PopulationSubject); !has {
					return headerErr(c.File, fieldLine["population"], "population: %s heeft geen kolom %q die de betrokkene noemt; de kolommen: %s", "population: %s has no column %q to name the data subject; its columns: %s", t, c.PopulationSubject, strings.Join(tbl.ColumnNames(), ", "))
				}
			}
		}
		if _, known := model.Lookup(t); !known && t != NoPopulation {
			return headerErr(c.File, fieldLine["population"], "population: %q is geen tabel van het model; noem de ene tabel waarvan de controle de rijen beoordeelt, of none als een bevinding gaat over of iets er is: %s", "population: %q is not a canonical table; name the one table whose rows the check judges, or none when a finding is about something being there at all: %s", t, strings.Join(model.TableNames(""), ", "))
		}
		c.Population = t
	}
	return nil
}

// Missing returns the requirement groups not met by the supplied tables;
// any one table of a group would meet it.
func (c *Check) Missing(supplied map[string]bool) [][]string {
	var missing [][]string
	for _, group := range c.Requires {
		met := false
		for _, t := range group {
			met = met || supplied[t]
		}
		if !met {
			missing = append(missing, group)
		}
	}
	return missing
}

func splitList(s string) []string {
	if strings.TrimSpace(s) == "" {
		return nil
	}
	parts := strings.Split(s, ",")
	for i := range parts {
		parts[i] = strings.TrimSpace(parts[i])
	}
	return parts
}

func isKnown(key string) bool {
	for _, k := range allKeys {
		if k == key {
			return true
		}
	}
	return false
}
