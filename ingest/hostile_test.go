package ingest_test

import (
	"fmt"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/avgaudit/avgaudit/ingest"
)

// Bounds for loading one hostile file: far above what a correct loader
// needs (tens of milliseconds, a few MiB), so that only a loader that
// does something per column squared, or keeps a file in memory many times
// over, fails them on a busy machine.
const (
	hostileTime = 30 * time.Second
	hostileHeap = 256 << 20
)

// TestHostileCorpus loads the files of issue 12 (see testdata/README.md)
// and checks for each its outcome, and that the load stays within a bound
// on time and on the Go heap's peak.
func TestHostileCorpus(t *testing.T) {
	children := "SELECT child_id, first_name, coalesce(care_end::VARCHAR, 'NULL') FROM admin_children ORDER BY _row"
	tests := []struct {
		tt      corpusCase
		check   func(t *testing.T, res *ingest.Result)
		secrets []string // never in a reject's value or reason
	}{
		{
			tt: corpusCase{name: "10,000 extra columns", files: []string{"{file: wide.csv, table: admin_children}"},
				query: children, want: [][]string{{"K1", "Anna", "NULL"}, {"K2", "Anna", "NULL"}, {"K3", "Anna", "NULL"}}},
			check: func(t *testing.T, res *ingest.Result) {
				if got := res.Inputs[0].SkippedColumns; len(got) != 10000 || got[0] != "Extra0" || got[9999] != "Extra9999" {
					t.Errorf("skipped %d columns, want Extra0 … Extra9999", len(got))
				}
			},
		},
		{
			tt: corpusCase{name: "personal values in the wrong columns", files: []string{"{file: personal_in_wrong_columns.csv, table: admin_children}"},
				query: children, want: nil,
				rejects: []string{`2 care_end: "w***@***.nl"`, `3 care_end: "NL91**********00"`, `4 care_end: "+3******22"`, `5 care_end: "W. Z."`, `6 bsn: "d. V."`}},
			secrets: []string{"zonderland", "Zonderland", "0417", "36026322", "Vries"},
		},
		{
			tt: corpusCase{name: "formula payloads are loaded as text", files: []string{"{file: formulas.csv, table: admin_children}"},
				query: children, want: [][]string{{"K1", `=HYPERLINK("http://example.com","klik")`, "NULL"}, {"K2", "@SUM(A1)", "NULL"},
					{"K3", "+31 6 36026322", "NULL"}, {"K4", "-2+3", "NULL"}, {"K5", "=1+1", "NULL"}}},
		},
		{
			tt: corpusCase{name: "BSNs, phones and postcodes in free text", system: "register", files: []string{"{file: free_text.csv, table: complaints}"},
				query: "SELECT complaint_id FROM complaints ORDER BY _row", want: [][]string{{"C1"}, {"C2"}, {"C3"}, {"C4"}}},
		},
	}
	for _, tc := range tests {
		t.Run(tc.tt.name, func(t *testing.T) {
			runtime.GC()
			w := watchHeap()
			start := time.Now()
			res, db, err := loadCorpus(t, tc.tt, ingest.Options{})
			took, peak := time.Since(start), w.stop()
			if err != nil {
				t.Fatal(err)
			}
			if took > hostileTime || peak > hostileHeap {
				t.Errorf("load took %v with a heap peak of %.0f MiB; bound %v, %d MiB", took, float64(peak)/(1<<20), hostileTime, hostileHeap>>20)
			}
			if diff := cmp.Diff(tc.tt.want, query(t, db, tc.tt.query)); diff != "" {
				t.Errorf("loaded (-want +got):\n%s", diff)
			}
			var rejects []string
			for _, r := range res.Rejects {
				rejects = append(rejects, r.Reason.NL)
				for _, s := range tc.secrets {
					if strings.Contains(r.Value+r.Reason.NL+r.Reason.EN, s) {
						t.Errorf("row %d shows %q: %+v", r.Row, s, r)
					}
				}
			}
			if len(rejects) != len(tc.tt.rejects) {
				t.Errorf("rejects %q, want %d", rejects, len(tc.tt.rejects))
			}
			for i, want := range tc.tt.rejects {
				if i < len(res.Rejects) {
					r := res.Rejects[i]
					got := fmt.Sprintf("%d %s: %s", r.Row, r.Column, r.Reason.NL)
					if !strings.HasPrefix(got, want) {
						t.Errorf("reject %d: %q, want it to start with %q", i, got, want)
					}
				}
			}
			if tc.check != nil {
				tc.check(t, res)
			}
		})
	}
}
