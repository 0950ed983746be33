package reports

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/xuri/excelize/v2"

	"github.com/avgaudit/avgaudit/audience"
	"github.com/avgaudit/avgaudit/pseudonym"
	"github.com/avgaudit/avgaudit/queries"
	"github.com/avgaudit/avgaudit/results"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden from the current output")

// The fixture's BSN, which no report may contain, and the script in one of
// its values, which no HTML report may contain unescaped.
const (
	fixtureBSN    = "111222333"
	fixtureScript = "<script>alert"
)

// fixture reads testdata/run.json afresh, so a test may change its copy.
func fixture(t *testing.T) *results.Run {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", "run.json"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	run, err := ReadJSON(f)
	if err != nil {
		t.Fatalf("ReadJSON(testdata/run.json): %v", err)
	}
	return run
}

// audiences are the audiences these reporters write, each with the
// fixture as its audience package would hand it over.
var audiences = []struct {
	name    string
	fixture func(t *testing.T) *results.Run
}{
	{results.AudienceRisk, riskFixture},
	{results.AudienceFG, fixture},
}

// riskFixture is the fixture as the risk audience gets it: record keys
// replaced by pseudonyms (under the sample's key) and the pseudonymisation
// recorded. The audience package does more (it scrubs texts); the
// reporters only show what they are given.
func riskFixture(t *testing.T) *results.Run {
	t.Helper()
	run := fixture(t)
	p, err := pseudonym.New(pseudonym.SampleKey)
	if err != nil {
		t.Fatal(err)
	}
	run.Audience = results.AudienceRisk
	run.Pseudonymisation = &results.Pseudonymisation{Method: pseudonym.Method, KeyID: p.KeyID()}
	for i := range run.Checks {
		for _, fs := range [][]results.Finding{run.Checks[i].Findings, run.Checks[i].Resolved} {
			for j := range fs {
				fs[j].RecordKey = p.Of(fs[j].Table, fs[j].RecordKey)
				fs[j].ChildName = "" // the FG's only
				fs[j].Key = run.Checks[i].ID + "/" + fs[j].Table + "/" + fs[j].RecordKey
			}
		}
	}
	return run
}

// testOpt is a detailed report's language and audience, as the tests ask
// for them: the fixtures stand for runs the audience package prepared.
type testOpt struct{ Lang, Audience, Workbook string }

// render writes run, taken as prepared for opt.Audience (risk when empty),
// with r and returns the bytes.
func render(t *testing.T, r Reporter, run *results.Run, opt testOpt) []byte {
	t.Helper()
	var buf bytes.Buffer
	aud := opt.Audience
	if aud == "" {
		aud = results.AudienceRisk
	}
	d := audience.AssumePrepared(run, aud)
	if err := r.Write(&buf, d, Options{Lang: opt.Lang, Workbook: opt.Workbook}); err != nil {
		t.Fatalf("%T.Write(%+v): %v", r, opt, err)
	}
	return buf.Bytes()
}

// renderMgmt writes the management summary of run with r and returns the bytes.
func renderMgmt(t *testing.T, r ManagementReporter, run *results.Run, opt Options) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := r.Write(&buf, audience.Management(run), opt); err != nil {
		t.Fatalf("%T.Write(%+v): %v", r, opt, err)
	}
	return buf.Bytes()
}

// golden compares got with the golden file, or rewrites it with -update.
func golden(t *testing.T, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./reports -update to create it)", err)
	}
	if diff := cmp.Diff(string(want), string(got)); diff != "" {
		t.Errorf("%s differs (-want +got):\n%s\nrun go test ./reports -update if the change is intended", path, diff)
	}
}

// TestLabelsComplete fails on any empty text in either language: every
// string field, array element and map value of the labels, found by
// reflection so that a new field is covered without a change here. Maps
// must also have the same keys in both languages and a name for every
// severity, status, level, trend, acceptance status, audience and area of
// the catalogue.
func TestLabelsComplete(t *testing.T) {
	for _, l := range []labels{labelsNL, labelsEN} {
		checkLabelValue(t, l.Lang, "labels", reflect.ValueOf(l))
		for name, want := range map[string][]string{
			"Severity":         results.Severities,
			"Status":           {results.StatusPassed, results.StatusFindings, results.StatusNotRun, results.StatusError},
			"Level":            append([]string{levelNone}, levels...),
			"Trend":            {results.TrendNew, results.TrendPersisting, results.TrendResolved},
			"AcceptanceStatus": {results.AcceptanceAccepted, results.AcceptanceExpired, results.AcceptanceStale, results.AcceptancePending},
			"ReportTitle":      {results.AudienceRisk, results.AudienceFG},
			"Intro":            {results.AudienceRisk, results.AudienceFG},
			"ImpactSource":     {"check", "policy"},
			"LikelihoodSource": {"share", "policy"},
			"Areas":            queries.Areas,
		} {
			m := reflect.ValueOf(l).FieldByName(name)
			for _, key := range want {
				if v := m.MapIndex(reflect.ValueOf(key)); !v.IsValid() || v.String() == "" {
					t.Errorf("labels %s: %s has no text for %q", l.Lang, name, key)
				}
			}
		}
	}
	nl, en := reflect.ValueOf(labelsNL), reflect.ValueOf(labelsEN)
	for i := 0; i < nl.NumField(); i++ {
		if nl.Field(i).Kind() != reflect.Map {
			continue
		}
		name := nl.Type().Field(i).Name
		if a, b := mapKeys(nl.Field(i)), mapKeys(en.Field(i)); !slices.Equal(a, b) {
			t.Errorf("labels: %s has keys %v in nl and %v in en", name, a, b)
		}
	}
	for _, sheet := range []string{labelsNL.SheetMatrix, labelsNL.SheetLocations, labelsNL.AcceptancesTitle,
		labelsNL.ResolvedFindings, labelsNL.MethodTitle, labelsEN.SheetMatrix, labelsEN.SheetLocations,
		labelsEN.AcceptancesTitle, labelsEN.ResolvedFindings, labelsEN.MethodTitle} {
		if len(sheet) > maxSheetName {
			t.Errorf("sheet name %q is longer than %d characters", sheet, maxSheetName)
		}
	}
}

// checkLabelValue reports every empty string in v, a labels value or a
// part of one, naming its path.
func checkLabelValue(t *testing.T, lang, path string, v reflect.Value) {
	t.Helper()
	switch v.Kind() {
	case reflect.String:
		if v.String() == "" {
			t.Errorf("labels %s: %s is empty", lang, path)
		}
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			checkLabelValue(t, lang, path+"."+v.Type().Field(i).Name, v.Field(i))
		}
	case reflect.Array, reflect.Slice:
		if v.Len() == 0 {
			t.Errorf("labels %s: %s is empty", lang, path)
		}
		for i := 0; i < v.Len(); i++ {
			checkLabelValue(t, lang, fmt.Sprintf("%s[%d]", path, i), v.Index(i))
		}
	case reflect.Map:
		if v.Len() == 0 {
			t.Errorf("labels %s: %s is empty", lang, path)
		}
		for _, k := range v.MapKeys() {
			checkLabelValue(t, lang, fmt.Sprintf("%s[%q]", path, k.String()), v.MapIndex(k))
		}
	default:
		t.Errorf("labels %s: %s is a %s, which this test does not check", lang, path, v.Kind())
	}
}

func mapKeys(m reflect.Value) []string {
	var out []string
	for _, k := range m.MapKeys() {
		out = append(out, k.String())
	}
	slices.Sort(out)
	return out
}

// TestNotPrepared: a zero audience.Detailed (a run that did not pass
// through audience.Risk or audience.FG) is refused, not written.
func TestNotPrepared(t *testing.T) {
	for _, r := range []Reporter{JSONReporter{}, XLSXReporter{}, HTMLReporter{}} {
		if err := r.Write(&bytes.Buffer{}, audience.Detailed{}, Options{}); err == nil || !strings.Contains(err.Error(), "audience.Risk") {
			t.Errorf("%T.Write(zero Detailed) = %v, want an error naming audience.Risk", r, err)
		}
	}
	for _, r := range []ManagementReporter{ManagementJSONReporter{}, ManagementXLSXReporter{}, ManagementHTMLReporter{}} {
		if err := r.Write(&bytes.Buffer{}, nil, Options{}); err == nil {
			t.Errorf("%T.Write(nil summary) = nil, want an error", r)
		}
	}
}

func TestUnknownLanguage(t *testing.T) {
	run := fixture(t)
	for _, r := range []Reporter{JSONReporter{}, XLSXReporter{}, HTMLReporter{}} {
		err := r.Write(&bytes.Buffer{}, audience.FG(run), Options{Lang: "de"})
		if err == nil || !strings.Contains(err.Error(), `"de"`) || !strings.Contains(err.Error(), `"en"`) {
			t.Errorf("%T.Write(Lang de) = %v, want an error naming de and the languages there are", r, err)
		}
	}
}

func TestDate(t *testing.T) {
	tests := []struct {
		lang, in, want string
	}{
		{"nl", "2026-09-01", "1 september 2026"},
		{"en", "2026-09-01", "1 September 2026"},
		{"nl", "2025-03-31", "31 maart 2025"},
		{"en", "2025-12-31", "31 December 2025"},
		{"nl", "31-12-2025", "31-12-2025"}, // not an as-of date: shown as it is
		{"nl", "", ""},
	}
	for _, tt := range tests {
		l, err := labelsFor(Options{Lang: tt.lang})
		if err != nil {
			t.Fatal(err)
		}
		d, _ := time.Parse(time.DateOnly, tt.in) // zero when none: the raw text is shown
		if got := l.date(d, tt.in); got != tt.want {
			t.Errorf("date(%q) in %s = %q, want %q", tt.in, tt.lang, got, tt.want)
		}
	}
	short := []struct {
		lang, in, want string
	}{
		{"nl", "2026-09-01", "01-09-2026"},
		{"en", "2026-09-01", "2026-09-01"},
		{"nl", "2027-06-30", "30-06-2027"},
		{"en", "not a date", "not a date"},
	}
	for _, tt := range short {
		l, _ := labelsFor(Options{Lang: tt.lang})
		if got := l.shortDate(tt.in); got != tt.want {
			t.Errorf("shortDate(%q) in %s = %q, want %q", tt.in, tt.lang, got, tt.want)
		}
	}
}

func TestAffected(t *testing.T) {
	tests := []struct {
		lang         string
		affected, of int
		want         string
	}{
		{"nl", 12, 240, "12 van 240 (5%)"},
		{"en", 12, 240, "12 of 240 (5%)"},
		{"nl", 2, 119, "2 van 119 (1,7%)"},
		{"en", 2, 119, "2 of 119 (1.7%)"},
		{"nl", 1, 5000, "1 van 5.000 (<0,1%)"},
		{"en", 0, 85, "0 of 85 (0%)"},
		{"en", 3, 0, "3"}, // no population: the count alone
	}
	for _, tt := range tests {
		l, _ := labelsFor(Options{Lang: tt.lang})
		if got := l.affected(&results.Risk{Affected: tt.affected, Population: tt.of}); got != tt.want {
			t.Errorf("affected(%d, %d) in %s = %q, want %q", tt.affected, tt.of, tt.lang, got, tt.want)
		}
	}
}

func TestPrepare(t *testing.T) {
	run := fixture(t)
	run.Acceptances[0].RecordKey = fixtureBSN
	run.Checks[0].Findings[0].Group = "groep " + fixtureBSN
	run.Checks[2].Resolved[0].Message.EN = "BSN " + fixtureBSN
	before := fixture(t)
	before.Acceptances[0].RecordKey = fixtureBSN
	before.Checks[0].Findings[0].Group = "groep " + fixtureBSN
	before.Checks[2].Resolved[0].Message.EN = "BSN " + fixtureBSN
	p := prepare(run)
	if diff := cmp.Diff(before, run); diff != "" {
		t.Errorf("prepare changed its input (-before +after):\n%s", diff)
	}
	f := p.Checks[0].Findings[1]
	for name, got := range map[string]string{
		"key": f.Key, "record key": f.RecordKey, "message": f.Message.NL, "reject value": p.Rejects[0].Value,
		"acceptance record key": p.Acceptances[0].RecordKey, "group": p.Checks[0].Findings[0].Group,
		"resolved message": p.Checks[2].Resolved[0].Message.EN,
	} {
		if strings.Contains(got, fixtureBSN) || !strings.Contains(got, "*****2333") {
			t.Errorf("prepared %s = %q, want the BSN masked as *****2333", name, got)
		}
	}
	if p.Inputs[0].SHA256 != run.Inputs[0].SHA256 {
		t.Errorf("prepare changed a SHA-256")
	}

	empty := prepare(&results.Run{Checks: []results.Check{{ID: "x"}}, Inputs: []results.Input{{}}})
	if empty.Policy == nil || empty.Rejects == nil || empty.Inputs[0].SkippedColumns == nil ||
		empty.Checks[0].Columns == nil || empty.Checks[0].Findings == nil || empty.Summary.BySeverity == nil ||
		empty.Acceptances == nil || empty.Checks[0].Resolved == nil {
		t.Errorf("prepare left a nil slice or map: %+v", empty)
	}
}

func TestCheckSheetNames(t *testing.T) {
	check := func(id, title string) results.Check {
		return results.Check{ID: id, Title: results.Text{NL: title}, Status: results.StatusPassed}
	}
	checks := []results.Check{
		check("retention-child-data", "Kindgegevens na de bewaartermijn"),
		check("a/b:c*d?e[f]g\\h", ""),
		check("'quoted'", ""),
		check("photo_without_consent", "Foto in het ouderportaal zonder toestemming"),
		check("photo_without_consent_2", "Foto in het ouderportaal zonder toestemming van de ouders"),
		check("samenvatting", "Samenvatting"),
		check("upper", "KINDGEGEVENS NA DE BEWAARTERMIJN"),
		{ID: "not-run", Status: results.StatusNotRun},
		{ID: "failed", Status: results.StatusError},
		check("", ""),
		check("history", ""),
		check("long_word", "Verwerkersovereenkomstenregisterbijhoudingsplicht"),
		check("spaces", "  "),
	}
	got := checkSheetNames(checks, []string{"Samenvatting", "Bestanden"}, func(c results.Check) string { return c.Title.NL })
	want := []string{
		"Kindgegevens na bewaartermijn", // 32 characters: without its article
		"a_b_c_d_e_f_g_h",
		"quoted",
		"Foto in ouderportaal zonder…",
		"Foto in ouderportaal… #2",
		"Samenvatting #2",
		"KINDGEGEVENS NA… #2", // the same name but for case
		"",
		"",
		"check",
		"history #2",
		"Verwerkersovereenkomstenregist…",
		"spaces",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("checkSheetNames (-want +got):\n%s", diff)
	}
	for _, n := range got {
		if len([]rune(n)) > 31 {
			t.Errorf("sheet name %q is longer than 31 characters", n)
		}
	}
}

// TestRejectsNotListed: when a run lists only the first rejects of a file,
// the HTML and Excel reports say how many more there are and where they are.
func TestRejectsNotListed(t *testing.T) {
	run := fixture(t)
	run.Inputs[0].RejectsNotListed = 1234
	for _, lang := range []string{"nl", "en"} {
		want := map[string]string{"nl": "1234 meer staan niet in dit rapport", "en": "1234 more are not in this report"}[lang]
		if html := render(t, HTMLReporter{}, run, testOpt{Lang: lang}); !bytes.Contains(html, []byte(want)) {
			t.Errorf("%s: the HTML report does not say %q", lang, want)
		}
		f, err := excelize.OpenReader(bytes.NewReader(render(t, XLSXReporter{}, run, testOpt{Lang: lang})))
		if err != nil {
			t.Fatal(err)
		}
		sheet := map[string]string{"nl": "Afgewezen rijen", "en": "Rejected rows"}[lang]
		rows, err := f.GetRows(sheet)
		if err != nil {
			t.Fatal(err)
		}
		if last := rows[len(rows)-1]; len(last) == 0 || !strings.Contains(last[0], want) {
			t.Errorf("%s: the last row of %s is %q, want it to say %q", lang, sheet, last, want)
		}
	}
}

// prepare is the run a detailed reporter writes for run (see
// audience.Detailed.Run).
func prepare(run *results.Run) *results.Run {
	r, err := audience.AssumePrepared(run, results.AudienceRisk).Run("")
	if err != nil {
		panic(err)
	}
	return r.Flat()
}

func TestCount(t *testing.T) {
	for _, tt := range []struct {
		n      int
		nl, en string
	}{
		{0, "0", "0"}, {999, "999", "999"}, {1000, "1.000", "1,000"}, {1823, "1.823", "1,823"},
		{1234567, "1.234.567", "1,234,567"}, {-4500, "-4.500", "-4,500"},
	} {
		if got := labelsNL.Count(tt.n); got != tt.nl {
			t.Errorf("nl Count(%d) = %q, want %q", tt.n, got, tt.nl)
		}
		if got := labelsEN.Count(tt.n); got != tt.en {
			t.Errorf("en Count(%d) = %q, want %q", tt.n, got, tt.en)
		}
	}
}

func TestTitledRefs(t *testing.T) {
	checks := []results.Check{
		{ID: "photo_without_consent", Title: results.Text{NL: "Foto zonder toestemming", EN: "Photo without consent"}},
		{ID: "photo_without_consent_2", Title: results.Text{NL: "Tweede", EN: "Second"}},
		{ID: "retention", Title: results.Text{NL: "Bewaren", EN: "Keeping"}}, // no underscore: a word, left alone
	}
	for _, tt := range []struct {
		l        *labels
		in, want string
	}{
		{&labelsNL, "Na het intrekken meldt photo_without_consent dit.", "Na het intrekken meldt „Foto zonder toestemming” dit."},
		{&labelsEN, "(see photo_without_consent_2)", "(see “Second”)"},
		{&labelsNL, "instelling retention.photo_without_consent en my_photo_without_consent", "instelling retention.photo_without_consent en my_photo_without_consent"},
		{&labelsNL, "de retention van foto's", "de retention van foto's"},
	} {
		if got := titledRefs(tt.l, checks)(tt.in); got != tt.want {
			t.Errorf("%q = %q, want %q", tt.in, got, tt.want)
		}
	}
}
