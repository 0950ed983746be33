package cli_test

import (
	"bufio"
	"bytes"
	"database/sql"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	_ "github.com/duckdb/duckdb-go/v2"
	"github.com/google/go-cmp/cmp"

	"github.com/avgaudit/avgaudit/pseudonym"
	"github.com/avgaudit/avgaudit/queries"
	"github.com/avgaudit/avgaudit/results"
	"github.com/avgaudit/avgaudit/xlsxkit/xlsxtest"
)

const samplesDir = "../samples/org"

// readmeTable returns the cells of the table rows between the markers of
// the named block of samples/README.md, without the header and separator.
func readmeTable(t *testing.T, block string) [][]string {
	t.Helper()
	data, err := os.ReadFile("../samples/README.md")
	if err != nil {
		t.Fatal(err)
	}
	var out [][]string
	in := false
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		switch {
		case strings.Contains(line, block+":start"):
			in = true
		case strings.Contains(line, block+":end"):
			in = false
		case in && strings.HasPrefix(line, "|"):
			cells := strings.Split(strings.Trim(line, "|"), "|")
			for i := range cells {
				// **bold** totals and `code`; a * inside (a key pattern) stays.
				c := strings.TrimSpace(cells[i])
				c = strings.TrimSuffix(strings.TrimPrefix(c, "**"), "**")
				cells[i] = strings.Trim(c, "`")
			}
			if len(cells) < 2 || cells[0] == "check" || strings.HasPrefix(cells[0], "---") {
				continue
			}
			out = append(out, cells)
		}
	}
	if len(out) == 0 {
		t.Fatalf("samples/README.md has no %s table", block)
	}
	return out
}

// expectedFindings reads the expected-findings table of samples/README.md:
// one "check<TAB>table<TAB>record key" per planted finding.
func expectedFindings(t *testing.T) []string {
	t.Helper()
	var out []string
	for _, cells := range readmeTable(t, "expected-findings") {
		if len(cells) < 3 {
			t.Fatalf("expected-findings row %v has too few cells", cells)
		}
		out = append(out, cells[0]+"\t"+cells[1]+"\t"+cells[2])
	}
	sort.Strings(out)
	return out
}

// expectedCounts reads the expected-counts table of samples/README.md: the
// number of findings per check, and the total under "total".
func expectedCounts(t *testing.T) map[string]int {
	t.Helper()
	counts := map[string]int{}
	for _, cells := range readmeTable(t, "expected-counts") {
		n, err := strconv.Atoi(cells[1])
		if err != nil {
			t.Fatalf("expected-counts row %v: %v", cells, err)
		}
		counts[cells[0]] = n
	}
	return counts
}

// assertCounts requires every built-in check to have planted findings in
// the sample and the audit to report exactly the README's count per check.
func assertCounts(t *testing.T, run *results.Run) {
	t.Helper()
	want := expectedCounts(t)
	checks, err := queries.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	builtin := map[string]bool{}
	for _, c := range checks {
		builtin[c.ID] = true
		if want[c.ID] == 0 {
			t.Errorf("built-in check %s has no expected finding in the sample organisation; plant one in samples/generate", c.ID)
		}
	}
	got := map[string]int{}
	total := 0
	for _, c := range run.Checks {
		got[c.ID] = len(c.Findings)
		total += len(c.Findings)
	}
	ids := make([]string, 0, len(want))
	for id := range want {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		n := want[id]
		switch {
		case id == "total":
			if total != n {
				t.Errorf("%d findings in all, samples/README.md expects %d", total, n)
			}
		case !builtin[id]:
			t.Errorf("samples/README.md expects findings of %s, which is not a built-in check", id)
		case got[id] != n:
			t.Errorf("check %s: %d findings, samples/README.md expects %d", id, got[id], n)
		}
	}
}

func readRun(t *testing.T, name string) (*results.Run, []byte) {
	t.Helper()
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	var run results.Run
	if err := json.Unmarshal(data, &run); err != nil {
		t.Fatal(err)
	}
	return &run, data
}

// TestSampleAudit runs the README's demo command on the embedded sample
// organisation and asserts exactly the findings samples/README.md lists.
func TestSampleAudit(t *testing.T) {
	dir := t.TempDir()
	r := avgaudit(t, dir, "audit", "--audience", "all")
	if r.code != 0 {
		t.Fatalf("exit %d\n%s\n%s", r.code, r.stdout, r.stderr)
	}
	run, first := readRun(t, filepath.Join(dir, "avgaudit-rapport", "resultaten-fg.json"))
	if run.AsOf != "2026-09-01" {
		t.Errorf("as_of = %s, want the sample manifest's 2026-09-01", run.AsOf)
	}
	if run.Summary.RowsRejected != 0 {
		t.Errorf("the sample exports have %d rejected rows: %+v", run.Summary.RowsRejected, run.Rejects)
	}
	var got []string
	for _, c := range run.Checks {
		if c.Status == results.StatusError || c.Status == results.StatusNotRun {
			t.Errorf("check %s: %s %s", c.ID, c.Status, c.Reason)
		}
		for _, f := range c.Findings {
			got = append(got, c.ID+"\t"+f.Table+"\t"+f.RecordKey)
			if f.File == "" {
				t.Errorf("finding %s has no source file", f.Key)
			}
		}
	}
	sort.Strings(got)
	if diff := cmp.Diff(expectedFindings(t), got); diff != "" {
		t.Errorf("findings differ from samples/README.md (-want +got):\n%s", diff)
	}
	assertCounts(t, run)
	// The sample's link columns all hold the right system's numbers; the
	// accounts without an MFA value are not judged on it (4 systems), which
	// is no finding.
	for _, in := range run.Inputs {
		if len(in.LinkWarnings) > 0 {
			t.Errorf("%s: link warnings %v", in.File, in.LinkWarnings)
		}
	}
	for _, c := range run.Checks {
		notJudged := 0
		for _, w := range c.Warnings {
			if strings.HasPrefix(w.NL, "niet beoordeeld: ") {
				notJudged++
			}
		}
		want := 0
		if c.ID == "account_hygiene" {
			want = 4
		}
		if notJudged != want || (want > 0) != (c.NotJudged > 0) {
			t.Errorf("check %s: %d not-judged warnings (%d records), want %d", c.ID, notJudged, c.NotJudged, want)
		}
	}

	// Same inputs and as-of date: byte-identical JSON and HTML.
	dir2 := t.TempDir()
	if r := avgaudit(t, dir2, "audit", "--audience", "all", "--quiet"); r.code != 0 {
		t.Fatalf("second run: exit %d: %s", r.code, r.stderr)
	}
	for _, name := range []string{"resultaten.json", "resultaten-fg.json", "resultaten-bestuur.json"} {
		a, _ := os.ReadFile(filepath.Join(dir, "avgaudit-rapport", name))
		b, _ := os.ReadFile(filepath.Join(dir2, "avgaudit-rapport", name))
		if len(a) == 0 || !bytes.Equal(a, b) {
			t.Errorf("two runs on the same inputs gave different %s", name)
		}
	}
	for _, name := range []string{"rapport.xlsx", "rapport-fg.xlsx", "rapport-bestuur.xlsx"} {
		a := xlsxParts(t, filepath.Join(dir, "avgaudit-rapport", name))
		b := xlsxParts(t, filepath.Join(dir2, "avgaudit-rapport", name))
		for part, text := range a {
			if part == "[Content_Types].xml" { // excelize lists the types in map order
				continue
			}
			if b[part] != text {
				t.Errorf("two runs on the same inputs gave a different %s in %s", part, name)
			}
		}
	}
	h1, _ := os.ReadFile(filepath.Join(dir, "avgaudit-rapport", "rapport.html"))
	h2, _ := os.ReadFile(filepath.Join(dir2, "avgaudit-rapport", "rapport.html"))
	if !bytes.Equal(h1, h2) {
		t.Error("two runs on the same inputs gave different rapport.html")
	}

	// The same audit from the files on disk gives the same results as the
	// embedded copy.
	dir3 := t.TempDir()
	if r := avgaudit(t, dir3, "audit", abs(t, samplesDir), "--audience", "fg", "--quiet"); r.code != 0 {
		t.Fatalf("audit of %s: exit %d: %s", samplesDir, r.code, r.stderr)
	}
	_, third := readRun(t, filepath.Join(dir3, "avgaudit-rapport", "resultaten-fg.json"))
	if !bytes.Equal(first, third) {
		t.Error("auditing samples/org from disk differs from the embedded samples")
	}

	assertNoBSN(t, filepath.Join(dir, "avgaudit-rapport"))
	assertPseudonymised(t, filepath.Join(dir, "avgaudit-rapport", "resultaten.json"), run)
	out := filepath.Join(dir, "avgaudit-rapport")
	assertNoPersonalData(t, boardPatterns, out, "rapport-bestuur.html", "rapport-bestuur.xlsx", "resultaten-bestuur.json")
	assertNoPersonalData(t, riskPatterns, out, "rapport.html", "rapport.xlsx", "resultaten.json")
}

// identifying matches forms of personal data that neither the risk
// analysis nor the board's report may hold: e-mail addresses, IBANs, the
// sample's child, guardian, staff, photo and note numbers, and account
// keys (system/username).
const identifying = `[\w.+-]+@[\w-]+\.\w|\bNL\d{2}[A-Z]{4}\d{6,}|\b(?:K|PK|KJ|O|M|F|N)\d{3,4}\b|(?:KIJK!|Konnect|Kidsadmin)/\w`

var (
	riskPatterns = regexp.MustCompile(identifying)
	// The board's report holds no dates written day first either (birth
	// dates among them): only the reference dates, written out.
	boardPatterns = regexp.MustCompile(identifying + `|\b\d{2}-\d{2}-(?:19|20)\d{2}\b`)
)

// assertNoPersonalData checks the files in dir (an xlsx part by part) for
// the sample's BSNs and for what patterns match.
func assertNoPersonalData(t *testing.T, patterns *regexp.Regexp, dir string, names ...string) {
	t.Helper()
	bsns := sampleBSNs(t)
	for _, name := range names {
		texts := map[string]string{}
		if strings.HasSuffix(name, ".xlsx") {
			for part, text := range xlsxParts(t, filepath.Join(dir, name)) {
				texts[name+":"+part] = text
			}
		} else {
			b, err := os.ReadFile(filepath.Join(dir, name))
			if err != nil {
				t.Fatal(err)
			}
			texts[name] = string(b)
		}
		for where, text := range texts {
			if strings.HasSuffix(where, ".html") {
				text = stripScripts(text) // the chart library's code is no data
			}
			// A worksheet's XML names its cells (F100): its text is in sharedStrings.
			if m := patterns.FindString(text); m != "" && !strings.Contains(where, "xl/worksheets/") {
				t.Errorf("%s holds %q", where, m)
			}
			for _, b := range bsns {
				if strings.Contains(text, b) {
					t.Errorf("%s holds a BSN of the sample", where)
				}
			}
		}
	}
}

// stripScripts removes the contents of <script> elements.
func stripScripts(html string) string {
	return regexp.MustCompile(`(?s)<script[^>]*>.*?</script>`).ReplaceAllString(html, "")
}

// assertPseudonymised checks that the risk analysis's results hold every
// finding of the FG's, with a pseudonym for its record key and none of the
// FG's record keys anywhere in the file.
func assertPseudonymised(t *testing.T, path string, fg *results.Run) {
	t.Helper()
	risk, data := readRun(t, path)
	if risk.Audience != results.AudienceRisk || risk.Pseudonymisation == nil {
		t.Fatalf("%s: audience %q, pseudonymisation %v", path, risk.Audience, risk.Pseudonymisation)
	}
	if risk.Summary.Findings != fg.Summary.Findings {
		t.Errorf("%s: %d findings, the FG results %d", path, risk.Summary.Findings, fg.Summary.Findings)
	}
	for _, c := range risk.Checks {
		for _, f := range c.Findings {
			if !pseudonym.IsPseudonym(f.RecordKey) {
				t.Errorf("%s: finding %s: record key %q is no pseudonym", path, f.Key, f.RecordKey)
			}
		}
	}
	for _, c := range fg.Checks {
		for _, f := range c.Findings {
			// Keys of people (ids, usernames, e-mail); a processor's name or a
			// column heading is no personal data and may be named.
			if strings.ContainsAny(f.RecordKey, "0123456789@.") && bytes.Contains(data, []byte(f.RecordKey)) {
				t.Errorf("%s holds the record key %q", path, f.RecordKey)
			}
		}
	}
}

// sampleBSNs reads the BSN column of the sample administration export.
func sampleBSNs(t *testing.T) []string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(samplesDir, "kidsadmin", "kinderen.csv"))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimPrefix(string(data), "\ufeff"), "\n")
	header := strings.Split(strings.TrimSpace(lines[0]), ";")
	col := -1
	for i, h := range header {
		if strings.EqualFold(strings.Trim(h, `"`), "BSN") {
			col = i
		}
	}
	if col < 0 {
		t.Fatalf("no BSN column in %v", header)
	}
	var bsns []string
	for _, l := range lines[1:] {
		cells := strings.Split(strings.TrimSpace(l), ";")
		if col < len(cells) {
			if b := strings.Map(func(r rune) rune {
				if r >= '0' && r <= '9' {
					return r
				}
				return -1
			}, cells[col]); len(b) >= 8 {
				bsns = append(bsns, b)
			}
		}
	}
	if len(bsns) < 50 {
		t.Fatalf("found only %d BSNs in the sample", len(bsns))
	}
	return bsns
}

// assertNoBSN checks that no sample BSN occurs in any report, including
// inside the xlsx's zipped XML parts.
func assertNoBSN(t *testing.T, dir string) {
	t.Helper()
	bsns := sampleBSNs(t)
	texts := map[string]string{}
	for _, name := range []string{"resultaten.json", "rapport.html"} {
		b, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		texts[name] = string(b)
	}
	for name, text := range xlsxParts(t, filepath.Join(dir, "rapport.xlsx")) {
		texts["rapport.xlsx:"+name] = text
	}
	assertNoneOf(t, texts, bsns)
}

// xlsxParts returns the text of every zipped part of a workbook by name.
func xlsxParts(t *testing.T, file string) map[string]string {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	return xlsxtest.Parts(t, data)
}

// assertNoneOf fails for every BSN of bsns that occurs in one of the texts.
func assertNoneOf(t *testing.T, texts map[string]string, bsns []string) {
	t.Helper()
	for name, text := range texts {
		for _, bsn := range bsns {
			if strings.Contains(text, bsn) {
				t.Errorf("%s contains the sample BSN %s…", name, bsn[:3])
			}
		}
	}
}

// TestKeepDatabase runs the audit with --db and queries the kept database.
func TestKeepDatabaseCLI(t *testing.T) {
	dir := t.TempDir()
	dbPath := filepath.Join(dir, "audit.duckdb")
	if r := avgaudit(t, dir, "audit", "--db", dbPath, "--quiet"); r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	run, _ := readRun(t, filepath.Join(dir, "avgaudit-rapport", "resultaten.json"))
	db, err := sql.Open("duckdb", dbPath)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, in := range run.Inputs {
		var n int
		if err := db.QueryRow("SELECT count(*) FROM "+in.Table+" WHERE _file LIKE ? || '%'", in.File).Scan(&n); err != nil {
			t.Fatal(err)
		}
		if n < in.RowsLoaded {
			t.Errorf("%s: %d rows in the database, %d loaded", in.Table, n, in.RowsLoaded)
		}
	}
	// An existing --db file is never overwritten.
	if r := avgaudit(t, dir, "audit", "--db", dbPath); r.code != 2 || !strings.Contains(r.stderr, "bestaat al") {
		t.Errorf("second run with the same --db: exit %d, %s", r.code, r.stderr)
	}
}

// TestReportsReplacedAsASet makes replacing one report fail and checks that
// the others were put back: old and new reports are never mixed.
func TestReportsReplacedAsASet(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "avgaudit-rapport")
	if r := avgaudit(t, dir, "audit", "--quiet", "--as-of", "2026-01-01"); r.code != 0 {
		t.Fatalf("first run: exit %d: %s", r.code, r.stderr)
	}
	before, _ := os.ReadFile(filepath.Join(out, "resultaten.json"))
	// A non-empty directory where the old report would be moved aside.
	if err := os.MkdirAll(filepath.Join(out, "rapport.html.old", "x"), 0o755); err != nil {
		t.Fatal(err)
	}
	r := avgaudit(t, dir, "audit", "--quiet", "--as-of", "2026-09-01")
	if r.code != 1 || !strings.Contains(r.stderr, "rapport.html") {
		t.Fatalf("second run: exit %d, stderr %s", r.code, r.stderr)
	}
	after, _ := os.ReadFile(filepath.Join(out, "resultaten.json"))
	if !bytes.Equal(before, after) {
		t.Error("resultaten.json was replaced although rapport.html could not be")
	}
	entries, _ := os.ReadDir(out)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if strings.Join(names, ",") != "historie,rapport.html,rapport.html.old,rapport.xlsx,resultaten.json" {
		t.Errorf("output directory holds %v", names)
	}
}
