package reports

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/xuri/excelize/v2"

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

// render writes run with r and returns the bytes.
func render(t *testing.T, r Reporter, run *results.Run, opt Options) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := r.Write(&buf, run, opt); err != nil {
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

func TestLabelsComplete(t *testing.T) {
	for _, l := range []labels{labelsNL, labelsEN} {
		v := reflect.ValueOf(l)
		for i := 0; i < v.NumField(); i++ {
			f, name := v.Field(i), v.Type().Field(i).Name
			switch f.Kind() {
			case reflect.String:
				if f.String() == "" {
					t.Errorf("labels %s: %s is empty", l.Lang, name)
				}
			case reflect.Map:
				if f.Len() == 0 {
					t.Errorf("labels %s: %s is empty", l.Lang, name)
				}
			}
		}
		for _, sev := range results.Severities {
			if l.Severity[sev] == "" {
				t.Errorf("labels %s: no name for severity %q", l.Lang, sev)
			}
		}
		for _, st := range []string{results.StatusPassed, results.StatusFindings, results.StatusNotRun, results.StatusError} {
			if l.Status[st] == "" {
				t.Errorf("labels %s: no name for status %q", l.Lang, st)
			}
		}
	}
}

func TestUnknownLanguage(t *testing.T) {
	run := fixture(t)
	for _, r := range []Reporter{JSONReporter{}, XLSXReporter{}, HTMLReporter{}} {
		err := r.Write(&bytes.Buffer{}, run, Options{Lang: "de"})
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
		if got := l.date(tt.in); got != tt.want {
			t.Errorf("date(%q) in %s = %q, want %q", tt.in, tt.lang, got, tt.want)
		}
	}
}

func TestPrepare(t *testing.T) {
	run := fixture(t)
	before := fixture(t)
	p := prepare(run)
	if diff := cmp.Diff(before, run); diff != "" {
		t.Errorf("prepare changed its input (-before +after):\n%s", diff)
	}
	f := p.Checks[0].Findings[1]
	for name, got := range map[string]string{
		"key": f.Key, "record key": f.RecordKey, "message": f.Message.NL, "reject value": p.Rejects[0].Value,
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
		empty.Checks[0].Columns == nil || empty.Checks[0].Findings == nil || empty.Summary.BySeverity == nil {
		t.Errorf("prepare left a nil slice or map: %+v", empty)
	}
}

func TestCheckSheetNames(t *testing.T) {
	check := func(id string) results.Check {
		return results.Check{ID: id, Status: results.StatusPassed}
	}
	checks := []results.Check{
		check("retention-child-data"),
		check("a/b:c*d?e[f]g\\h"),
		check("'quoted'"),
		check("a-very-long-check-identifier-that-goes-on-and-on"),
		check("a-very-long-check-identifier-that-goes-on-and-on-too"),
		check("Samenvatting"),
		check("RETENTION-CHILD-DATA"),
		{ID: "not-run", Status: results.StatusNotRun},
		{ID: "failed", Status: results.StatusError},
		check(""),
		check("history"),
	}
	got := checkSheetNames(checks, []string{"Samenvatting", "Bestanden"})
	want := []string{
		"retention-child-data",
		"a_b_c_d_e_f_g_h",
		"quoted",
		"a-very-long-check-identifier-th",
		"a-very-long-check-identifier-~2",
		"Samenvatting~2",
		"RETENTION-CHILD-DATA~2",
		"",
		"",
		"check",
		"history~2",
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
		if html := render(t, HTMLReporter{}, run, Options{Lang: lang}); !bytes.Contains(html, []byte(want)) {
			t.Errorf("%s: the HTML report does not say %q", lang, want)
		}
		f, err := excelize.OpenReader(bytes.NewReader(render(t, XLSXReporter{}, run, Options{Lang: lang})))
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
