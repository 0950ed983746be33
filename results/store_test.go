package results

import (
	"fmt"
	"reflect"
	"runtime"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// storeFinding is the i-th finding of the tests: every field set.
func storeFinding(i int) Finding {
	f := Finding{
		Key: fmt.Sprintf("retention_invoices|admin_invoices|FAC-%07d", i), System: "admin", Table: "admin_invoices",
		RecordKey: fmt.Sprintf("FAC-%07d", i), File: "kidsadmin/facturen.csv", Row: i + 2,
		Message: Text{NL: fmt.Sprintf("Factuur FAC-%07d van 2019 is na de bewaartermijn van 7 jaar nog bewaard.", i),
			EN: fmt.Sprintf("Invoice FAC-%07d of 2019 is kept after the retention period of 7 years.", i)},
		Values:   []string{fmt.Sprintf("K%05d", i%5000), "2019-03-01", "", "Vlinders"},
		Location: "Havenkwartier", Group: "Dolfijnen", ChildName: "Anna de Vries", Subject: fmt.Sprintf("K%05d", i%5000),
		Trend: TrendPersisting,
	}
	if i%3 == 0 {
		f.Acceptance = &FindingAcceptance{ID: "A1", Status: AcceptanceAccepted, ExpiresOn: "2027-01-01"}
	}
	if i%7 == 0 {
		f.Values = nil
	}
	return f
}

// TestStoreRoundTrip: a finding comes back from the store as it went in,
// every field of it (a field added to Finding must be added to the
// encoding: the test sets every field by reflection).
func TestStoreRoundTrip(t *testing.T) {
	s, err := NewStore(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var full Finding
	v := reflect.ValueOf(&full).Elem()
	for i := range v.NumField() {
		switch fv := v.Field(i); fv.Kind() {
		case reflect.String:
			fv.SetString("field " + v.Type().Field(i).Name)
		case reflect.Int:
			fv.SetInt(42)
		case reflect.Struct: // Message
			fv.Set(reflect.ValueOf(Text{NL: "nl", EN: "en"}))
		case reflect.Slice:
			fv.Set(reflect.ValueOf([]string{"a", "", "c"}))
		case reflect.Pointer:
			fv.Set(reflect.ValueOf(&FindingAcceptance{ID: "A1", Status: "accepted", ExpiresOn: "2027-01-01"}))
		default:
			t.Fatalf("field %s of kind %s: add it to the store's encoding and here", v.Type().Field(i).Name, fv.Kind())
		}
	}
	want := []Finding{full, {}, {Values: []string{}}, storeFinding(1), storeFinding(7)}
	w := s.NewSegment()
	for i := range want {
		if err := w.Add(&want[i]); err != nil {
			t.Fatal(err)
		}
	}
	g, err := w.Done()
	if err != nil {
		t.Fatal(err)
	}
	got := make([]Finding, g.Len())
	for _, i := range []int{4, 0, 2, 1, 3} { // out of order too
		got[i] = g.At(i)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("read back (-want +got):\n%s", diff)
	}
	if _, open, _, persisting := (&Check{Stored: g}).tally(); open != 4 || persisting != 2 {
		t.Errorf("counted %d open, %d persisting; want 4, 2", open, persisting)
	}
	c := Check{Stored: g}
	if err := c.Update(func(f *Finding) { f.Trend = TrendNew }); err != nil {
		t.Fatal(err)
	}
	if n, _, newer, _ := c.tally(); n != 5 || newer != 5 || c.FindingAt(3).Key != want[3].Key {
		t.Errorf("after Update: %d findings, %d new, %q", n, newer, c.FindingAt(3).Key)
	}
}

// TestStoreMemoryFlat guards the point of the store: the findings written
// to it are not held in memory. 100,000 findings of ~500 bytes each would
// take ~50 MB in memory; what a segment holds of them is 8 bytes each.
func TestStoreMemoryFlat(t *testing.T) {
	const n = 100_000
	s, err := NewStore(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	before := liveHeap()
	w := s.NewSegment()
	for i := range n {
		f := storeFinding(i)
		if err := w.Add(&f); err != nil {
			t.Fatal(err)
		}
	}
	g, err := w.Done()
	if err != nil {
		t.Fatal(err)
	}
	for i := range g.Len() { // and read back
		if f := g.At(i); f.Row != i+2 {
			t.Fatalf("finding %d: row %d", i, f.Row)
		}
	}
	grown := int64(liveHeap()) - int64(before)
	const limit = 4 << 20 // offsets 0.8 MB, buffers; generous
	if grown > limit {
		t.Errorf("live heap grew by %d KB for %d findings in the store (limit %d KB): the store holds findings in memory", grown>>10, n, limit>>10)
	}
	runtime.KeepAlive(g)
}

// liveHeap is the heap in use after a full collection.
func liveHeap() uint64 {
	runtime.GC()
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return ms.HeapAlloc
}

// BenchmarkFindingsStore writes a segment of 10,000 findings and reads it
// back in order, as an audit and a report do.
func BenchmarkFindingsStore(b *testing.B) {
	const n = 10_000
	fs := make([]Finding, n)
	for i := range fs {
		fs[i] = storeFinding(i)
	}
	s, err := NewStore(b.TempDir())
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	b.ReportAllocs()
	for b.Loop() {
		w := s.NewSegment()
		for i := range fs {
			if err := w.Add(&fs[i]); err != nil {
				b.Fatal(err)
			}
		}
		g, err := w.Done()
		if err != nil {
			b.Fatal(err)
		}
		for i := range g.Len() {
			g.At(i)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/finding")
}
