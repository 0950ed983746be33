package ingest

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/avgaudit/avgaudit/manifest"
	"github.com/avgaudit/avgaudit/model"
	"github.com/avgaudit/avgaudit/results"
)

// TestNextBatchCanceled cancels a load while the reader hands over a full
// batch: the reader may then stop between passing the batch on to be stored
// and to be parsed, and the table function asking for the next batch must
// still return (the context's error) instead of waiting for a parse that
// never comes.
func TestNextBatchCanceled(t *testing.T) {
	tbl, _ := model.Lookup("admin_children")
	f := &manifest.File{File: "f.csv", System: "admin", Table: tbl.Name}
	plan, _, err := planColumns(f, tbl, []string{"child_id", "first_name", "care_end"})
	if err != nil {
		t.Fatal(err)
	}
	var sb strings.Builder
	for i := range batchRows {
		fmt.Fprintf(&sb, "K%d;Kind %d;\n", i, i)
	}
	for round := range 200 {
		l := newRowLoader(f, tbl, plan, cellKind{}, &results.Input{}, nil)
		rr, err := newCSVReader(strings.NewReader(sb.String()), ';')
		if err != nil {
			t.Fatal(err)
		}
		ctx, cancel := context.WithCancel(context.Background())
		cancel() // canceled while the reader is at work
		// The reader makes the one batch.
		free := make(chan *job, 1)
		ordered, work := make(chan *job, 1), make(chan *job, 1)
		read := make(chan struct{})
		go func() {
			_ = l.read(ctx, rr, nil, free, ordered, work)
			close(ordered)
			close(work)
			close(read)
		}()
		var wg sync.WaitGroup
		wg.Go(func() {
			for j := range work {
				l.parseBatch(j)
				close(j.done)
			}
		})
		<-read // DuckDB asks for the next batch after the reader stopped
		next := l.nextBatch(ctx, ordered, free)
		done := make(chan struct{})
		go func() {
			defer close(done)
			for {
				if b, err := next(); b == nil || err != nil {
					return
				}
			}
		}()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			t.Fatalf("round %d: the next batch is still awaited after the load was canceled", round)
		}
		wg.Wait()
	}
}
