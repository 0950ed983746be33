package audit_test

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/avgaudit/avgaudit/audit"
	"github.com/avgaudit/avgaudit/manifest"
	"github.com/avgaudit/avgaudit/profiles"
	"github.com/avgaudit/avgaudit/results"
)

// withoutManifest is a source directory whose manifest.yaml is hidden.
type withoutManifest struct{ fs.FS }

func (w withoutManifest) Open(name string) (fs.File, error) {
	if name == manifest.FileName {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	}
	return w.FS.Open(name)
}

// outcome is what two audits of the same data must agree on.
type outcome struct {
	Inputs  []string // file [sheet] -> table: rows read, loaded, rejected
	Rejects []results.Reject
	Checks  map[string][]results.Finding // by check id and status
}

func outcomeOf(run *results.Run) outcome {
	o := outcome{Rejects: run.Rejects, Checks: map[string][]results.Finding{}}
	for _, in := range run.Inputs {
		o.Inputs = append(o.Inputs, fmt.Sprintf("%s [%s] -> %s: read %d, loaded %d, rejected %d",
			in.File, in.Sheet, in.Table, in.RowsRead, in.RowsLoaded, in.RowsRejected))
	}
	sort.Strings(o.Inputs) // the order of the files is no result
	for _, c := range run.Checks {
		// Only the manifest names last year's results: the trend is no
		// outcome of the recognition.
		fs := make([]results.Finding, len(c.Findings))
		for i, f := range c.Findings {
			f.Trend = ""
			fs[i] = f
		}
		o.Checks[c.ID+" "+c.Status] = fs
	}
	return o
}

// TestAuditWithoutManifest audits the sample organisation twice in one
// run: with its committed manifest, and with manifest.yaml hidden so the
// exports are recognised by their headers. Both audits must load the
// same rows and give the same findings per check.
func TestAuditWithoutManifest(t *testing.T) {
	asOf := time.Date(2026, 9, 1, 0, 0, 0, 0, time.UTC)
	committed, err := auditFlat(context.Background(), audit.Options{Source: os.DirFS("../samples/org"), Dir: ".", AsOf: asOf})
	if err != nil {
		t.Fatal(err)
	}
	var told *profiles.Proposal
	source := withoutManifest{os.DirFS("../samples/org")}
	recognised, err := auditFlat(context.Background(), audit.Options{Source: source, Dir: ".", AsOf: asOf,
		Recognised: func(p *profiles.Proposal) { told = p }})
	if err != nil {
		t.Fatal(err)
	}
	if told == nil {
		t.Error("Recognised was not called")
	}
	want, got := outcomeOf(committed), outcomeOf(recognised)
	if len(want.Checks) == 0 || len(want.Inputs) == 0 {
		t.Fatalf("the committed manifest's audit is empty: %+v", want)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("audit without manifest differs from the committed manifest's (-committed +recognised):\n%s", diff)
	}
}

func TestAuditWithoutManifestNothingRecognised(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "prijzen.csv"), []byte("Artikel;Prijs\nappel;1,20\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := auditFlat(context.Background(), audit.Options{Source: os.DirFS(dir), Dir: ".", Today: time.Now()})
	want := "no manifest.yaml, and no export in the folder could be recognised:\nprijzen.csv: no column header matches a column of any table, so it is not loaded (nothing to do if it holds notes rather than an export)"
	if err == nil || err.Error() != want {
		t.Errorf("got %v, want %q", err, want)
	}
}
