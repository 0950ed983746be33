package queries_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/avgaudit/avgaudit/queries"
)

func TestSelect(t *testing.T) {
	checks := []queries.Check{
		{ID: "a1", Area: "toestemming"}, {ID: "a2", Area: "toestemming"},
		{ID: "b1", Area: "rechten"}, {ID: "c1", Area: "eigen"},
		{ID: "broken", Err: errors.New("broken.sql:3: unknown header key")},
	}
	tests := []struct {
		name       string
		only, skip []string
		want       []string
		unknown    []string
	}{
		{"all", nil, nil, []string{"a1", "a2", "b1", "c1", "broken"}, nil},
		{"only ids", []string{"b1,a2"}, nil, []string{"a2", "b1", "broken"}, nil},
		{"only area", []string{"toestemming"}, nil, []string{"a1", "a2", "broken"}, nil},
		{"only repeated, spaces", []string{"rechten", " c1 ,"}, nil, []string{"b1", "c1", "broken"}, nil},
		{"skip id", nil, []string{"a1"}, []string{"a2", "b1", "c1", "broken"}, nil},
		{"skip user area", nil, []string{"eigen"}, []string{"a1", "a2", "b1", "broken"}, nil},
		{"only area, skip id", []string{"toestemming"}, []string{"a2", "broken"}, []string{"a1"}, nil},
		{"known area without checks", []string{"datalekken"}, []string{"broken"}, []string{}, nil},
		{"skip everything", nil, []string{"toestemming,rechten,eigen,broken"}, []string{}, nil},
		{"unknown", []string{"a1,nope"}, []string{"toestemmingen", "nope"}, nil, []string{"nope", "toestemmingen"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := queries.Select(checks, tt.only, tt.skip)
			if tt.unknown != nil {
				var se *queries.SelectionError
				if !errors.As(err, &se) {
					t.Fatalf("got %v, want a SelectionError", err)
				}
				if diff := cmp.Diff(tt.unknown, se.Unknown); diff != "" {
					t.Errorf("unknown (-want +got):\n%s", diff)
				}
				for _, w := range []string{`"nope"`, "check ids: a1, a2, b1, broken, c1", "datalekken", "eigen", "toestemming"} {
					if !strings.Contains(err.Error(), w) {
						t.Errorf("error %q lacks %q", err, w)
					}
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			ids := []string{}
			for _, c := range got {
				ids = append(ids, c.ID)
			}
			if diff := cmp.Diff(tt.want, ids); diff != "" {
				t.Errorf("selected (-want +got):\n%s", diff)
			}
		})
	}
}

// TestLoadDir reads a user's checks: a file with a header mistake becomes a
// failed check named after its file, the others load; an id of a built-in
// check is refused, naming both files.
func TestLoadDir(t *testing.T) {
	builtin, err := queries.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	own := builtin[0]
	dir := t.TempDir()
	src := strings.Replace(own.SQL, own.ID, "mine", -1)
	header := "-- id: mine\n-- title.nl: Mijn controle\n-- title.en: My check\n-- severity: low\n-- area: eigen\n-- source: beleid\n-- requires: portal_photos\n-- why.nl: Waarom.\n-- why.en: Why.\n-- fix.nl: Zo.\n-- fix.en: So.\n"
	files := map[string]string{
		"mine.sql":          header + src,
		"Mijn Check.sql":    "-- id: mijn_check\n" + src,
		"notes.txt":         "not a check",
		"wrong_id.sql":      strings.Replace(header, "id: mine", "id: other", 1) + src,
		"broken_header.sql": "-- id: broken_header\n-- severity: urgent\n",
	}
	for name, content := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	checks, err := queries.LoadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, c := range checks {
		got[c.ID] = ""
		if c.Err != nil {
			got[c.ID] = c.Err.Error()
		}
	}
	want := map[string]string{
		"mine":          "",
		"mijn_check":    filepath.Join(dir, "Mijn Check.sql") + `:1: header key "title.nl" is missing`,
		"wrong_id":      filepath.Join(dir, "wrong_id.sql") + `:1: id "other" differs from the file name`,
		"broken_header": filepath.Join(dir, "broken_header.sql") + `:1: header key "title.nl" is missing`,
	}
	if len(got) != len(want) {
		t.Errorf("loaded %v, want %v", got, want)
	}
	for id, w := range want {
		if g, ok := got[id]; !ok || !strings.HasPrefix(g, w) {
			t.Errorf("%s: error %q, want one starting with %q", id, g, w)
		}
	}

	all, err := queries.Merge(builtin, checks)
	if err != nil || len(all) != len(builtin)+len(checks) {
		t.Fatalf("merge: %d checks, %v", len(all), err)
	}
	clash := filepath.Join(dir, own.ID+".sql")
	if err := os.WriteFile(clash, []byte(strings.Replace(header, "id: mine", "id: "+own.ID, 1)+src), 0o644); err != nil {
		t.Fatal(err)
	}
	checks, err = queries.LoadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	_, err = queries.Merge(builtin, checks)
	if err == nil || !strings.Contains(err.Error(), clash) || !strings.Contains(err.Error(), "queries/"+own.ID+".sql") {
		t.Errorf("merge with a clashing id: %v, want an error naming %s and the built-in file", err, clash)
	}

	if _, err := queries.LoadDir(filepath.Join(dir, "nope")); err == nil {
		t.Error("a missing directory gave no error")
	}
	if _, err := queries.LoadDir(t.TempDir()); err == nil || !strings.Contains(err.Error(), "holds no .sql files") {
		t.Errorf("an empty directory: %v", err)
	}
}
