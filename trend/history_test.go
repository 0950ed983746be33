package trend_test

import (
	"encoding/json"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/avgaudit/avgaudit/results"
	"github.com/avgaudit/avgaudit/trend"
)

// writeJSON renders a run as the history keeps it.
func writeJSON(w io.Writer, r *results.Run) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(r)
}

func day(s string) time.Time {
	d, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return d
}

// TestSaveLatest saves runs into a history folder and finds the newest one
// before a date.
func TestSaveLatest(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "historie")
	for _, asOf := range []string{"2025-09-01", "2026-09-01", "2027-09-01"} {
		r := runOf(asOf, check("retention_admin", results.StatusFindings, "K1"))
		r.Organisation = "eerste versie"
		if _, err := trend.Save(dir, r, writeJSON); err != nil {
			t.Fatal(err)
		}
	}
	// Saving a date again replaces its file.
	r := runOf("2026-09-01", check("retention_admin", results.StatusFindings, "K1"))
	r.Organisation = "De Klimboom"
	path, err := trend.Save(dir, r, writeJSON)
	if err != nil {
		t.Fatal(err)
	}
	if path != filepath.Join(dir, "2026-09-01.json") {
		t.Errorf("saved as %s", path)
	}
	for _, other := range []string{"notities.txt", "2026-13-01.json", "kopie van 2026-09-01.json"} {
		if err := os.WriteFile(filepath.Join(dir, other), []byte("x"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".") {
			t.Errorf("temporary file left behind: %s", e.Name())
		}
	}
	if st, err := os.Stat(path); err != nil || st.Mode().Perm() != 0o600 {
		t.Errorf("history file mode %v, %v; want readable by the user only", st.Mode(), err)
	}
	if st, err := os.Stat(dir); err != nil || st.Mode().Perm() != 0o700 {
		t.Errorf("history folder mode %v, %v; want the user's only", st.Mode(), err)
	}

	prev, err := trend.Latest(dir, day("2027-09-01"))
	if err != nil {
		t.Fatal(err)
	}
	if prev == nil || prev.Path != path || prev.Run.AsOf != "2026-09-01" || prev.Run.Organisation != "De Klimboom" || len(prev.SHA256) != 64 {
		t.Fatalf("Latest = %+v", prev)
	}
	if got := prev.Run.Checks[0].Findings[0].Key; got != "retention_admin|t|K1" {
		t.Errorf("read back key %q", got)
	}
	for _, tt := range []struct {
		dir  string
		asOf string
	}{
		{dir, "2025-09-01"}, // nothing before the oldest
		{filepath.Join(t.TempDir(), "geen"), "2027-09-01"}, // no history yet
	} {
		prev, err := trend.Latest(tt.dir, day(tt.asOf))
		if prev != nil || err != nil {
			t.Errorf("Latest(%s, %s) = %+v, %v; want nil, nil", tt.dir, tt.asOf, prev, err)
		}
	}
	// FindFile takes the folder as well as a file in it.
	for _, p := range []string{dir, path} {
		prev, err := trend.FindFile(p, day("2027-09-01"))
		if err != nil || prev.Run.AsOf != "2026-09-01" {
			t.Errorf("FindFile(%s): %+v, %v", p, prev, err)
		}
	}
}

// TestSaveWriteFails checks that a failed write leaves nothing behind.
func TestSaveWriteFails(t *testing.T) {
	dir := t.TempDir()
	_, err := trend.Save(dir, runOf("2026-09-01"), func(w io.Writer, _ *results.Run) error {
		_, _ = w.Write([]byte("{\"half"))
		return errors.New("disk full")
	})
	if err == nil || !strings.HasSuffix(err.Error(), "2026-09-01.json: disk full") {
		t.Errorf("got %v", err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("left behind: %v", entries)
	}
}

func TestSaveBadDate(t *testing.T) {
	_, err := trend.Save(t.TempDir(), runOf("01-09-2026"), writeJSON)
	if err == nil || err.Error() != `save history: as_of "01-09-2026" is not a date` {
		t.Errorf("got %v", err)
	}
}

// TestFind reads the previous run from a source directory: a results file
// or a history folder.
func TestFind(t *testing.T) {
	v1, err := os.ReadFile(filepath.Join("testdata", "resultaten-2026.json"))
	if err != nil {
		t.Fatal(err)
	}
	fsys := fstest.MapFS{
		"vorig-jaar/resultaten.json":  {Data: v1},
		"historie/2026-09-01.json":    {Data: v1},
		"historie/2025-09-01.json":    {Data: []byte("{}")}, // older: not read
		"management/resultaten.json":  {Data: []byte(`{"schema_version": 2, "audience": "management"}`)},
		"leeg/README.txt":             {Data: []byte("nog geen historie")},
		"kapot/resultaten-kapot.json": {Data: []byte("{")},
	}
	tests := []struct {
		name, want string // want: the run's file, or the error
	}{
		{"vorig-jaar/resultaten.json", "vorig-jaar/resultaten.json"},
		{"historie", "historie/2026-09-01.json"},
		{"leeg", ""},
		{"bestaat-niet.json", "read previous results: open bestaat-niet.json: file does not exist"},
		{"management/resultaten.json", "read previous results management/resultaten.json: this is a management summary, which holds no findings; use resultaten.json (risk analysis) or resultaten-fg.json of the same run"},
		{"kapot/resultaten-kapot.json", "read previous results kapot/resultaten-kapot.json: not a results file of avgaudit (resultaten.json): unexpected end of JSON input"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			prev, err := trend.Find(fsys, tt.name, day("2027-09-01"))
			got := ""
			switch {
			case err != nil:
				got = err.Error()
			case prev != nil:
				got = prev.Path
			}
			if got != tt.want {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
}
