package results

import (
	"os"
	"slices"
	"strings"
	"testing"
)

// TestReadVersion1 reads a results file of schema version 1 (avgaudit
// before the audiences): it becomes an FG run with bilingual reject reasons.
func TestReadVersion1(t *testing.T) {
	f, err := os.Open("testdata/v1.json")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	run, err := Read(f)
	if err != nil {
		t.Fatal(err)
	}
	if run.SchemaVersion != 1 || run.Audience != AudienceFG {
		t.Errorf("schema %d audience %q, want 1 and fg", run.SchemaVersion, run.Audience)
	}
	if len(run.Checks) == 0 || len(run.Rejects) == 0 {
		t.Fatalf("read %d checks and %d rejects; the file has both", len(run.Checks), len(run.Rejects))
	}
	for _, r := range run.Rejects {
		if r.Reason.EN == "" || r.Reason.NL != r.Reason.EN {
			t.Errorf("reject %+v: want the English reason in both languages", r)
		}
	}
	want := Param{Name: "retention.child_years", Value: "2", Doc: Text{
		NL: "Kindgegevens uiterlijk 2 jaar na einde opvang verwijderen (sectornorm, voormalig Vrijstellingsbesluit Wbp art. 18 lid 5).",
		EN: "Kindgegevens uiterlijk 2 jaar na einde opvang verwijderen (sectornorm, voormalig Vrijstellingsbesluit Wbp art. 18 lid 5).",
	}}
	if len(run.Policy) != 2 || run.Policy[0] != want {
		t.Fatalf("policy %+v; want 2 settings, the first %+v", run.Policy, want)
	}
	for _, p := range run.Policy {
		if p.Doc.EN == "" || p.Doc.NL != p.Doc.EN {
			t.Errorf("policy setting %+v: want the one explanation in both languages", p)
		}
	}
}

// TestReadVersion2Policy reads a setting's explanation in both languages.
func TestReadVersion2Policy(t *testing.T) {
	run, err := Read(strings.NewReader(`{"schema_version": 2, "audience": "fg", "policy": [{"name": "portal_access_days", "value": "30", "doc": {"nl": "dagen", "en": "days"}}]}`))
	if err != nil {
		t.Fatal(err)
	}
	want := []Param{{Name: "portal_access_days", Value: "30", Doc: Text{NL: "dagen", EN: "days"}}}
	if !slices.Equal(run.Policy, want) {
		t.Errorf("policy %+v, want %+v", run.Policy, want)
	}
}

func TestReadRefuses(t *testing.T) {
	for _, tt := range []struct{ name, in, want string }{
		{"newer", `{"schema_version": 3, "tool": {"name": "avgaudit", "version": "9.0"}}`, "written by avgaudit 9.0 with results schema version 3; this avgaudit reads versions 1 to 2: update avgaudit"},
		{"management", `{"schema_version": 1, "audience": "management"}`, "management summary, which holds no findings"},
		{"no version", `{"checks": []}`, "it has no schema_version"},
		{"not json", `<html>`, "not a results file of avgaudit"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Read(strings.NewReader(tt.in))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Read: %v, want an error containing %q", err, tt.want)
			}
		})
	}
}
