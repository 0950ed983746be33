package main

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/avgaudit/avgaudit/audit"
)

// TestScaledPlantedCounts generates a scaled organisation and audits it:
// every check must report exactly the findings the generator planted, and
// no row may be rejected. The size is AVGAUDIT_SCALE_CHILDREN (default 400:
// three replicas), so the same test checks the chain size:
//
//	AVGAUDIT_SCALE_CHILDREN=100000 go test ./samples/generate -run TestScaledPlantedCounts -timeout 30m
func TestScaledPlantedCounts(t *testing.T) {
	children := 400
	if s := os.Getenv("AVGAUDIT_SCALE_CHILDREN"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 {
			t.Fatalf("AVGAUDIT_SCALE_CHILDREN=%q: want a number of children", s)
		}
		children = n
	}
	dir := filepath.Join(t.TempDir(), "org")
	p, err := generateScaled(dir, children)
	if err != nil {
		t.Fatal(err)
	}
	if p.Children < children || p.Replicas != replicasFor(children, p.Children/p.Replicas) {
		t.Fatalf("%d children in %d replicas, want at least %d", p.Children, p.Replicas, children)
	}
	var onDisk Planted
	data, err := os.ReadFile(filepath.Join(dir, scaleFile))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, &onDisk); err != nil || onDisk.Total != p.Total {
		t.Fatalf("%s: %v, total %d, want %d", scaleFile, err, onDisk.Total, p.Total)
	}
	run, err := audit.Audit(context.Background(), audit.Options{Source: os.DirFS(dir), Dir: "."})
	if err != nil {
		t.Fatal(err)
	}
	defer run.Close()
	if run.Summary.RowsRejected > 0 {
		t.Errorf("%d rows rejected: %+v", run.Summary.RowsRejected, run.Rejects)
	}
	for _, in := range run.Inputs {
		if want := p.Rows[in.Table]; in.RowsLoaded != want {
			t.Errorf("%s %s: %d rows loaded, planted %d", in.File, in.Sheet, in.RowsLoaded, want)
		}
	}
	seen := map[string]bool{}
	for _, c := range run.Checks {
		seen[c.ID] = true
		if got, want := c.NFindings(), p.Findings[c.ID]; got != want {
			t.Errorf("%s: %d findings, planted %d", c.ID, got, want)
		}
	}
	for id := range p.Findings {
		if !seen[id] {
			t.Errorf("%s: planted, but the audit has no such check", id)
		}
	}
	if run.Summary.Findings != p.Total {
		t.Errorf("%d findings in all, planted %d", run.Summary.Findings, p.Total)
	}
}

func TestReplicaID(t *testing.T) {
	for _, tc := range []struct {
		id   string
		r    int
		want string
	}{
		{"K0001", 0, "K0001"},
		{"K0001", 7, "K0001-7"},
		{"PK0013", 2, "PK0013-2"},
		{"KJ0069", 3, "KJ0069-3"},
		{"FAC-2018-00001", 4, "FAC-2018-00001-4"},
		{"999912345", 4, "999912345"}, // a BSN in a child number field stays a BSN
		{"Jan de Vries", 4, "Jan de Vries"},
		{"K00011", 4, "K00011"},
	} {
		if got := replicaID(tc.id, tc.r); got != tc.want {
			t.Errorf("replicaID(%q, %d) = %q, want %q", tc.id, tc.r, got, tc.want)
		}
	}
}
