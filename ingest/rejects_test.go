package ingest_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/avgaudit/avgaudit/ingest"
	"github.com/avgaudit/avgaudit/manifest"
)

// TestManyRejects loads an export with more rejects than may wait for the
// rejects table (so the rows go in with several INSERT statements) and than
// a Result keeps: the rejects table has every one of them, the Result the
// first ingest.MaxKeptRejects in row order and the number left out.
func TestManyRejects(t *testing.T) {
	const n = 100_000
	var sb strings.Builder
	sb.WriteString("child_id;first_name;care_end\n")
	wantRejects := 0
	for i := 0; i < n; i++ {
		line := i + 2
		switch {
		case i%4 == 1:
			fmt.Fprintf(&sb, "K%d;Kind %d;31-02-2025\n", i, line) // no such date
			wantRejects++
		case i%5000 == 4999:
			fmt.Fprintf(&sb, "K%d;Kind %d;\n", i-4000, line) // a key loaded rounds before
			wantRejects++
		default:
			fmt.Fprintf(&sb, "K%d;Kind %d;\n", i, line)
		}
	}
	db, res := loadChildrenCSV(t, sb.String())
	in := res.Inputs[0]
	if in.RowsRead != n || in.RowsRejected != wantRejects || in.RowsLoaded != n-wantRejects {
		t.Fatalf("read/loaded/rejected = %d/%d/%d, want %d/%d/%d", in.RowsRead, in.RowsLoaded, in.RowsRejected, n, n-wantRejects, wantRejects)
	}
	if len(res.Rejects) != ingest.MaxKeptRejects || res.RejectsNotKept != wantRejects-ingest.MaxKeptRejects {
		t.Errorf("kept %d rejects, %d not kept; want %d and %d", len(res.Rejects), res.RejectsNotKept, ingest.MaxKeptRejects, wantRejects-ingest.MaxKeptRejects)
	}
	got := query(t, db, "SELECT count(*), count(DISTINCT row), count(*) FILTER (reason LIKE 'duplicate child_id: row % has the same key%'), count(*) FILTER (reason_nl LIKE 'dubbele child_id: rij % heeft dezelfde waarde%'), count(*) FILTER (coalesce(reason_nl, '') IN ('', reason)) FROM _rejects")[0]
	if want := []string{strconv.Itoa(wantRejects), strconv.Itoa(wantRejects), strconv.Itoa(n / 5000), strconv.Itoa(n / 5000), "0"}; strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("_rejects has %v rows (distinct rows, duplicates, duplicates in Dutch, without a Dutch reason), want %v", got, want)
	}
	first := query(t, db, fmt.Sprintf("SELECT list(row ORDER BY row)::VARCHAR FROM (SELECT row FROM _rejects ORDER BY row LIMIT %d)", ingest.MaxKeptRejects))[0][0]
	var kept []string
	for _, r := range res.Rejects {
		kept = append(kept, strconv.Itoa(r.Row))
	}
	if want := "[" + strings.Join(kept, ", ") + "]"; first != want {
		t.Errorf("kept rejects are not the first ones in row order:\n got %.200s\nwant %.200s", want, first)
	}
	if bad := query(t, db, "SELECT count(*) FROM admin_children WHERE first_name <> 'Kind ' || _row"); bad[0][0] != "0" {
		t.Errorf("%s rows stored with another row's line number", bad[0][0])
	}
}

// cancelOnUpdate cancels the load as soon as it reports progress.
type cancelOnUpdate struct{ cancel context.CancelFunc }

func (c cancelOnUpdate) Start(string, int64) {}
func (c cancelOnUpdate) Update(int64)        { c.cancel() }
func (c cancelOnUpdate) Done()               {}

// TestLoadCanceled cancels a load while rows go in: the load returns the
// context's error and leaves nothing behind.
func TestLoadCanceled(t *testing.T) {
	dir := t.TempDir()
	writeChildren(t, dir, 50_000)
	fsys := os.DirFS(dir)
	m, err := manifest.Load(fsys, ".")
	if err != nil {
		t.Fatal(err)
	}
	db := openDB(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	_, err = ingest.LoadWith(ctx, db, fsys, ".", m, ingest.Options{Progress: cancelOnUpdate{cancel}})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
	if _, err := db.Exec("SELECT count(*) FROM admin_children"); err == nil {
		t.Error("a canceled load left its tables behind")
	}
}

// cancelAfter cancels the load at its nth progress report.
type cancelAfter struct {
	n      *int
	cancel context.CancelFunc
}

func (c cancelAfter) Start(string, int64) {}
func (c cancelAfter) Done()               {}
func (c cancelAfter) Update(int64) {
	if *c.n--; *c.n == 0 {
		c.cancel()
	}
}

// TestLoadCanceledMidway cancels loads at different points while batches
// are read, parsed and inserted (values longer than DuckDB inlines, so
// chunks point into pinned memory): every load must return the context's
// error promptly, and nothing may stay pinned once it has.
func TestLoadCanceledMidway(t *testing.T) {
	dir := t.TempDir()
	var sb strings.Builder
	sb.WriteString("child_id;first_name;care_end\n")
	for i := range 200_000 {
		fmt.Fprintf(&sb, "K%07d;Kind met een lange naam %d;\n", i, i)
	}
	writeFile(t, dir, "f.csv", sb.String())
	writeChildrenManifest(t, dir)
	fsys := os.DirFS(dir)
	m, err := manifest.Load(fsys, ".")
	if err != nil {
		t.Fatal(err)
	}
	for round := range 12 {
		db := openDB(t)
		ctx, cancel := context.WithCancel(context.Background())
		n := 2 + round%12
		done := make(chan error, 1)
		go func() {
			_, err := ingest.LoadWith(ctx, db, fsys, ".", m, ingest.Options{Progress: cancelAfter{&n, cancel}})
			done <- err
		}()
		select {
		case err := <-done:
			if !errors.Is(err, context.Canceled) {
				t.Fatalf("round %d: err = %v, want context.Canceled", round, err)
			}
		case <-time.After(30 * time.Second):
			t.Fatalf("round %d: the canceled load did not return", round)
		}
		cancel()
		db.Close()
		runtime.GC() // a Pinner left pinning panics when collected
		runtime.GC()
	}
	time.Sleep(100 * time.Millisecond) // let finalizers run
}
