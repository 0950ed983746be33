package reports

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/avgaudit/avgaudit/audience"
	"github.com/avgaudit/avgaudit/results"
)

func TestJSONGolden(t *testing.T) {
	got := render(t, JSONReporter{}, fixture(t), testOpt{})
	golden(t, filepath.Join("testdata", "golden", "resultaten.json"), got)

	if again := render(t, JSONReporter{}, fixture(t), testOpt{}); !bytes.Equal(got, again) {
		t.Error("two writes of the same run differ")
	}
	if bytes.Contains(got, []byte(fixtureBSN)) {
		t.Errorf("resultaten.json contains the BSN %s", fixtureBSN)
	}
	if !bytes.HasSuffix(got, []byte("}\n")) {
		t.Error("resultaten.json does not end in a newline")
	}
	if !bytes.Contains(got, []byte(`<script>alert(\"xss\")</script>`)) {
		t.Error("resultaten.json escapes HTML characters; want them as they are")
	}
}

func TestJSONNilSlices(t *testing.T) {
	run := &results.Run{
		SchemaVersion: results.SchemaVersion,
		Checks:        []results.Check{{ID: "c", Status: results.StatusPassed}},
		Inputs:        []results.Input{{File: "a.csv"}},
	}
	got := string(render(t, JSONReporter{}, run, testOpt{}))
	if strings.Contains(got, "null") {
		t.Errorf("JSON holds null, want [] for empty lists:\n%s", got)
	}
	for _, field := range []string{`"policy": []`, `"rejects": []`, `"skipped_columns": []`, `"columns": []`, `"findings": []`} {
		if !strings.Contains(got, field) {
			t.Errorf("JSON lacks %s:\n%s", field, got)
		}
	}
}

func TestReadJSONRoundTrip(t *testing.T) {
	first := render(t, JSONReporter{}, fixture(t), testOpt{})
	run, err := ReadJSON(bytes.NewReader(first))
	if err != nil {
		t.Fatalf("ReadJSON: %v", err)
	}
	if diff := cmp.Diff(prepare(fixture(t)), run); diff != "" {
		t.Errorf("read back run differs from the written one (-want +got):\n%s", diff)
	}
	if second := render(t, JSONReporter{}, run, testOpt{}); !bytes.Equal(first, second) {
		t.Errorf("write, read and write again changes the file:\n%s", cmp.Diff(string(first), string(second)))
	}
}

func TestReadJSONErrors(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string // each must be in the error
	}{
		{"newer", `{"schema_version": 99, "checks": []}`, []string{"schema version 99", "versions 1 to 2", "update avgaudit"}},
		{"zero", `{"schema_version": 0}`, []string{"schema version 0 does not exist"}},
		{"management", `{"schema_version": 2, "audience": "management"}`, []string{"management summary", "resultaten.json"}},
		{"missing", `{"checks": []}`, []string{"has no schema_version"}},
		{"not json", `schema_version: 1`, []string{"not a results file"}},
		{"wrong type", `{"schema_version": 1, "checks": {}}`, []string{"read results"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadJSON(strings.NewReader(tt.in))
			if err == nil {
				t.Fatal("ReadJSON: no error")
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("ReadJSON error %q lacks %q", err, w)
				}
			}
		})
	}
}

// TestJSONStreamedAsEncoded: the check-by-check writer gives the bytes of
// encoding the whole run at once, with and without checks, of a plain run
// and of an audience's view, whose findings are shown as they are read.
func TestJSONStreamedAsEncoded(t *testing.T) {
	view, err := audience.AssumePrepared(fixture(t), results.AudienceRisk).Run("")
	if err != nil {
		t.Fatal(err)
	}
	run := view.Flat()
	for _, in := range []*results.Run{run, view} {
		for _, checks := range [][]results.Check{in.Checks, {}, nil, in.Checks[:1]} {
			r := *in
			r.Checks = checks
			flat := r.Flat()
			var want bytes.Buffer
			enc := json.NewEncoder(&want)
			enc.SetIndent("", "  ")
			enc.SetEscapeHTML(false)
			if err := enc.Encode(flat); err != nil {
				t.Fatal(err)
			}
			var got bytes.Buffer
			if err := writeRunJSON(&got, &r); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got.Bytes(), want.Bytes()) {
				t.Errorf("%d checks (view %v): streamed JSON differs from the encoded run", len(checks), in == view)
			}
		}
	}
}
